# TaskGroups with the eager task factory. A child that finishes without suspending is done
# when create_task returns; one that raises at once aborts the group before the body's next
# await: the body is cancelled at its first await and never-started siblings are cancelled
# before they run. A child created after the group started aborting is refused.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
loop.set_task_factory(asyncio.eager_task_factory)
def T(): return "%.3f" % loop.time()

async def quick(name):
    print("  ", name, "runs", T())
    return name

async def boom(name):
    print("  ", name, "raises", T())
    raise ValueError(name)

async def slow(name, d):
    print("  ", name, "starts", T())
    try:
        await asyncio.sleep(d)
    except asyncio.CancelledError:
        print("  ", name, "cancelled", T())
        raise
    print("  ", name, "done", T())
    return name

async def main():
    me = asyncio.current_task()
    print("case 1: eager children")
    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(quick("a"))
        print("  a done at once:", a.done(), fmt(a.result()))
        b = tg.create_task(slow("b", 1))
        print("  b done at once:", b.done())
    print("  after group", fmt(b.result()), T())

    print("case 2: an eager child raises")
    try:
        async with asyncio.TaskGroup() as tg:
            s = tg.create_task(slow("s", 2))
            tg.create_task(boom("x"))
            print("  body continues, cancelling", me.cancelling())
            try:
                tg.create_task(quick("late"))
            except RuntimeError as e:
                print("  late create_task:", ename(e))
            try:
                await asyncio.sleep(1)
            except asyncio.CancelledError:
                print("  body cancelled", T())
                raise
    except ExceptionGroup as eg:
        print("  caught", str(eg), [fmt(e) for e in eg.exceptions], T())
    print("  s cancelled:", s.cancelled(), "cancelling", me.cancelling())

loop.run_until_complete(main())
loop.close()
