# The ExceptionGroup a TaskGroup raises, taken apart as except* would: children failing with
# different types at different times (one while being cancelled), split by type clause after
# clause; the leaves are the tasks' own exceptions; what no clause handles is raised again
# and reaches the caller, where a TimeoutError clause handles a timeout from inside a child.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()
def tree(e, ind="  "):
    if e is None:
        print(ind + "None")
    elif isinstance(e, BaseExceptionGroup):
        print(ind + "%s(%r) [%d]" % (ename(e), e.message, len(e.exceptions)))
        for x in e.exceptions:
            tree(x, ind + "  ")
    else:
        print(ind + fmt(e))

async def fail(name, d, exc):
    await asyncio.sleep(d)
    raise exc

async def fail_on_cancel(name):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        raise ZeroDivisionError(name + " while cancelled")

async def timed(name):
    async with asyncio.timeout(0.25):
        await asyncio.sleep(5)

async def main():
    tasks = []
    try:
        try:
            async with asyncio.TaskGroup() as tg:
                tasks.append(tg.create_task(fail("v", 0.5, ValueError("v"))))
                tasks.append(tg.create_task(timed("t")))
                tasks.append(tg.create_task(fail_on_cancel("o")))
                tasks.append(tg.create_task(fail("late", 2, TypeError("never raised"))))
        except* ValueError as e:
            print("ValueError clause:", T())
            tree(e, "    ")
            print("  leaf is the task's exception:", e.exceptions[0] is tasks[0].exception())
        except* ZeroDivisionError as e:
            print("ZeroDivisionError clause:", T())
            tree(e, "    ")
        print("not reached: the TimeoutError goes on")
    except* TimeoutError as e:
        print("caller's TimeoutError clause:", T())
        tree(e, "    ")
        print("  cause:", ename(e.exceptions[0].__cause__), "task cancelled:", tasks[1].cancelled(), "late cancelled:", tasks[3].cancelled())

loop.run_until_complete(main())
loop.close()
