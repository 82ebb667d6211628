# wait_for and TaskGroups. wait_for(coroutine running a group, 1): the coroutine runs inline in
# the waiting task, so the group's parent is that task; the deadline cancels it, the group
# cancels its children and wait_for raises TimeoutError. A child that uses wait_for and times
# out fails the group with a TimeoutError inside the ExceptionGroup. wait_for(timeout=0) on a
# group's task that is done returns its result; on one still running it cancels it, which the
# group sees as an ordinary cancelled child.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

async def work(name, d):
    try:
        await asyncio.sleep(d)
    except asyncio.CancelledError:
        print("  ", name, "cancelled", T())
        raise
    print("  ", name, "done", T())
    return name

async def grouped():
    print("  grouped runs in the waiting task:", asyncio.current_task().get_name())
    async with asyncio.TaskGroup() as tg:
        tg.create_task(work("g1", 3))
        await work("gbody", 2)
    return "never"

async def impatient():
    return await asyncio.wait_for(work("slow", 5), 0.5)

async def main():
    print("main is", asyncio.current_task().get_name())
    try:
        await asyncio.wait_for(grouped(), 1)
    except TimeoutError:
        print("wait_for -> TimeoutError", T(), "cancelling", asyncio.current_task().cancelling())
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(impatient())
            tg.create_task(work("sibling", 2))
    except ExceptionGroup as eg:
        print("group ->", [ename(e) for e in eg.exceptions], T())
    async with asyncio.TaskGroup() as tg:
        quick = tg.create_task(work("quick", 0.25))
        long = tg.create_task(work("long", 5))
        await asyncio.sleep(0.5)
        print("quick ->", fmt(await asyncio.wait_for(quick, 0)), T())
        try:
            await asyncio.wait_for(long, 0)
        except TimeoutError:
            print("long -> TimeoutError", T(), "cancelled", long.cancelled())
    print("group done", T())

loop.run_until_complete(main())
loop.close()
