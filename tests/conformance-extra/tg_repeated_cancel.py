# The parent is cancelled again and again while the group waits in its exit for children that
# clean up slowly: the first cancel aborts the group, the later ones only interrupt the wait,
# which resumes; the CancelledError comes out once every child is done, and cancelling()
# counts every request. A body that swallows an outside cancel (and takes it back with
# uncancel) leaves the group running: its children finish normally.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

async def slow_cleanup(name, cleanup):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("  ", name, "cancelled, cleaning up", T())
        await asyncio.sleep(cleanup)
        print("  ", name, "cleaned up", T())
        raise

async def work(name, d):
    await asyncio.sleep(d)
    print("  ", name, "done", T())
    return name

async def runner():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(slow_cleanup("a", 2))
        print("  body done", T())
    print("never printed")

async def swallower():
    me = asyncio.current_task()
    async with asyncio.TaskGroup() as tg:
        t = tg.create_task(work("child", 2))
        try:
            await asyncio.sleep(5)
        except asyncio.CancelledError:
            print("  body swallows the cancel", T(), "uncancel ->", me.uncancel())
        await asyncio.sleep(0.5)
        print("  body goes on", T())
    return t.result()

async def main():
    print("repeated cancels:")
    r = asyncio.create_task(runner())
    await asyncio.sleep(1)
    for i in range(3):
        print("  cancel", i + 1, "->", r.cancel(), T())
        await asyncio.sleep(0.5)
    try:
        await r
    except asyncio.CancelledError:
        print("  runner CancelledError", T(), "cancelled", r.cancelled(), "cancelling", r.cancelling())
    print("swallowed cancel:")
    s = asyncio.create_task(swallower())
    await asyncio.sleep(1)
    s.cancel()
    print("  ->", fmt(await s), T(), "cancelling", s.cancelling())

loop.run_until_complete(main())
loop.close()
