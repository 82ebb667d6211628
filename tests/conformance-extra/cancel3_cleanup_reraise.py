# a task that catches CancelledError, awaits cleanup work, then re-raises: cancelling() is 1
# during the cleanup, the awaiter sees the task pending until the cleanup is over and then
# the original CancelledError; a second cancel during the cleanup interrupts a plain sleep
# but not a shielded cleanup (the task gets CancelledError from the shield while the cleanup
# goes on); uncancel() after catching lets the task go on and a later wait_for timeout is a
# TimeoutError again; a reporter task shows the interleaving.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

async def reporter(label, n):
    for i in range(n):
        print("   ", label, i, T())
        await asyncio.sleep(0)

async def cleanup(name, d):
    print("  cleanup", name, "starts", T())
    await asyncio.sleep(d)
    print("  cleanup", name, "finished", T())
    return name

async def worker(name, shielded):
    me = asyncio.current_task()
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as e:
        print("  worker", name, "caught", fmt(e), "cancelling", me.cancelling(), T())
        try:
            if shielded:
                await asyncio.shield(cleanup(name, 0.5))
            else:
                await cleanup(name, 0.5)
                await asyncio.sleep(0)
                print("  worker", name, "after cleanup, cancelling", me.cancelling(), T())
        except asyncio.CancelledError as e2:
            print("  worker", name, "cleanup interrupted", fmt(e2), "cancelling", me.cancelling(), T())
            raise
        raise

async def resilient():
    me = asyncio.current_task()
    for attempt in range(3):
        try:
            await asyncio.sleep(1)
            print("  resilient attempt", attempt, "ok", T())
        except asyncio.CancelledError as e:
            print("  resilient attempt", attempt, "cancelled", fmt(e), "cancelling", me.cancelling(),
                  "uncancel ->", me.uncancel(), T())
    try:
        await asyncio.wait_for(asyncio.sleep(5), 0.5)
    except TimeoutError:
        print("  resilient wait_for -> TimeoutError, cancelling", me.cancelling(), T())
    return "survived"

async def main():
    w = asyncio.create_task(worker("plain", False))
    await asyncio.sleep(0.5)
    print("cancel plain", w.cancel("go"))
    asyncio.create_task(reporter("r1", 3))
    await asyncio.sleep(0.25)
    print("plain done?", w.done(), "cancelling", w.cancelling(), T())
    try:
        await w
    except asyncio.CancelledError as e:
        print("plain ->", fmt(e), "cancelled", w.cancelled(), T())

    w = asyncio.create_task(worker("plain2", False))
    await asyncio.sleep(0.5)
    print("cancel plain2", w.cancel("go"))
    await asyncio.sleep(0.25)
    print("cancel plain2 during cleanup", w.cancel("again"), "cancelling", w.cancelling())
    try:
        await w
    except asyncio.CancelledError as e:
        print("plain2 ->", fmt(e), T())

    w = asyncio.create_task(worker("shielded", True))
    await asyncio.sleep(0.5)
    print("cancel shielded", w.cancel("go"))
    await asyncio.sleep(0.25)
    print("cancel shielded during cleanup", w.cancel("again"))
    asyncio.create_task(reporter("r2", 3))
    try:
        await w
    except asyncio.CancelledError as e:
        print("shielded ->", fmt(e), T())
    await asyncio.sleep(0.5)
    print("after shielded cleanup", T())

    r = asyncio.create_task(resilient())
    await asyncio.sleep(0.5)
    print("cancel resilient", r.cancel("r1"))
    await asyncio.sleep(1.25)
    print("cancel resilient twice", r.cancel("r2a"), r.cancel("r2b"), "cancelling", r.cancelling())
    print("resilient ->", fmt(await r), "cancelling", r.cancelling(), T())

loop.run_until_complete(main())
loop.close()
