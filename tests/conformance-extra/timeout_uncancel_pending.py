# Task.uncancel() only counts: in 3.12 taking the count back to 0 does not withdraw a cancel
# that is already pending (a task that cancels itself while running has its CancelledError
# thrown in at its next await all the same; 3.13 withdraws it). Inside a timeout block that
# cancellation is not the timeout's: the block lets it through, unexpired. A cancel requested
# while the task waits is delivered at once, whatever uncancel() says after.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

async def self_cancel(in_timeout):
    me = asyncio.current_task()
    async def body():
        me.cancel()
        print("  cancelling", me.cancelling(), "uncancel ->", me.uncancel())
        await asyncio.sleep(0)
        print("  next await not cancelled", T())
        return "went on"
    try:
        if in_timeout:
            cm = asyncio.timeout(1)
            try:
                async with cm:
                    return await body()
            finally:
                print("  timeout", repr(cm), "expired", cm.expired())
        return await body()
    except asyncio.CancelledError:
        print("  CancelledError at the next await", T(), "cancelling", me.cancelling())
        return "cancelled"

async def waiting():
    try:
        await asyncio.sleep(5)
        return "slept"
    except asyncio.CancelledError:
        print("  waiter got CancelledError", T())
        return "cancelled"

async def main():
    print("self cancel:")
    print("  ->", await asyncio.create_task(self_cancel(False)))
    print("self cancel in a timeout:")
    print("  ->", await asyncio.create_task(self_cancel(True)))
    print("cancel while waiting, then uncancel:")
    t = asyncio.create_task(waiting())
    await asyncio.sleep(1)
    t.cancel()
    print("  uncancel ->", t.uncancel())
    print("  ->", await t, T())

loop.run_until_complete(main())
loop.close()
