# The task running a TaskGroup is cancelled while the group waits in __aexit__ for its
# children (the body has finished). The children are cancelled, the one with a slow cleanup
# is waited for, a second cancel() during that wait does not cut the wait short, and
# CancelledError (not an ExceptionGroup) comes out with cancelling() counting both requests.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

async def child(name, d, cleanup=0):
    try:
        await asyncio.sleep(d)
    except asyncio.CancelledError:
        print("  ", name, "cancelled", T())
        if cleanup:
            await asyncio.sleep(cleanup)
            print("  ", name, "cleaned up", T())
        raise
    print("  ", name, "done", T())

async def grouped():
    me = asyncio.current_task()
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child("quick", 0.5))
            tg.create_task(child("slow", 10, cleanup=1.5))
            tg.create_task(child("plain", 10))
            print("  body done", T())
    except BaseException as e:
        print("  group raised", ename(e), T(), "cancelling", me.cancelling())
        raise

async def main():
    t = asyncio.create_task(grouped())
    await asyncio.sleep(1)
    print("cancel 1", t.cancel(), T())
    await asyncio.sleep(0.75)
    print("cancel 2", t.cancel(), T())
    try:
        await t
    except asyncio.CancelledError:
        print("task cancelled", t.cancelled(), T())

loop.run_until_complete(main())
loop.close()
