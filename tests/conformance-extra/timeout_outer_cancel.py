# A cancel from outside and the timeout. Before the deadline: CancelledError goes through, the
# timeout is not expired. In the same iteration as the deadline (a done callback of the awaited
# future cancels the task again right after the timeout did): the outer cancel wins, the block
# raises CancelledError although the timeout expired, and cancelling() keeps the outer
# request. After a swallowed earlier cancel (cancelling() already 1 on entry) the timeout
# still converts its own cancellation. A cancel that arrives after the deadline, while the
# body cleans up: CancelledError wins.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

async def guarded(label, cm, coro):
    me = asyncio.current_task()
    try:
        async with cm:
            await coro
        print("  ", label, "ended normally", T())
    except TimeoutError:
        print("  ", label, "TimeoutError", T())
    except asyncio.CancelledError:
        print("  ", label, "CancelledError", T())
        raise
    finally:
        print("  ", label, "expired", cm.expired(), "cancelling", me.cancelling())

async def runner(label, make):
    t = asyncio.create_task(make())
    try:
        await t
    except asyncio.CancelledError:
        pass
    print("  task cancelled", t.cancelled(), T())
    return t

async def main():
    loop = asyncio.get_running_loop()
    print("before the deadline:")
    async def before():
        me = asyncio.current_task()
        loop.call_later(0.5, me.cancel)
        await guarded("before", asyncio.timeout(1), asyncio.sleep(5))
    await runner("before", before)

    print("same iteration as the deadline:")
    async def same():
        me = asyncio.current_task()
        fut = loop.create_future()
        fut.add_done_callback(lambda f: (print("  done callback cancels the task again", T()), me.cancel()))
        await guarded("same", asyncio.timeout(1), fut)
    await runner("same", same)

    print("cancel swallowed before entering:")
    async def swallowed():
        me = asyncio.current_task()
        me.cancel()
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            print("  swallowed, cancelling", me.cancelling())
        await guarded("swallowed", asyncio.timeout(1), asyncio.sleep(5))
        return "ok"
    await runner("swallowed", swallowed)

    print("cancel during the cleanup after the deadline:")
    async def cleanup():
        me = asyncio.current_task()
        async def body():
            try:
                await asyncio.sleep(5)
            except asyncio.CancelledError:
                loop.call_later(0.25, me.cancel)
                await asyncio.sleep(1)
                print("  never printed")
        await guarded("cleanup", asyncio.timeout(1), body())
    await runner("cleanup", cleanup)

loop.run_until_complete(main())
loop.close()
