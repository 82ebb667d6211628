# timeout() rescheduled while the body runs: to a deadline already past (expires at the
# next iteration, not inside reschedule), to None (never expires, even past the old
# deadline), later than before, and earlier than before. Rescheduling a timeout that has
# not been entered, or one that already expired, is a RuntimeError. when() and expired()
# are printed along the way.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

async def main():
    print("to the past:")
    try:
        async with asyncio.timeout(5) as cm:
            await asyncio.sleep(1)
            cm.reschedule(loop.time() - 3)
            print("  rescheduled, expired", cm.expired(), "when", cm.when())
            try:
                await asyncio.sleep(1)
            except asyncio.CancelledError:
                print("  body cancelled", T())
                raise
    except TimeoutError:
        print("  TimeoutError", T(), "expired", cm.expired())

    print("to None:")
    async with asyncio.timeout(1) as cm:
        await asyncio.sleep(0.5)
        cm.reschedule(None)
        print("  when", cm.when())
        await asyncio.sleep(2)
    print("  finished", T(), "expired", cm.expired())

    print("later, then earlier:")
    try:
        async with asyncio.timeout(1) as cm:
            cm.reschedule(loop.time() + 4)
            await asyncio.sleep(2)
            print("  still running", T())
            cm.reschedule(loop.time() + 0.25)
            await asyncio.sleep(2)
    except TimeoutError:
        print("  TimeoutError", T(), "when", cm.when())

    print("from None to a deadline:")
    try:
        async with asyncio.timeout(None) as cm:
            await asyncio.sleep(1)
            cm.reschedule(loop.time() + 0.5)
            await asyncio.sleep(5)
    except TimeoutError:
        print("  TimeoutError", T())

    print("misuse:")
    t = asyncio.timeout(1)
    try:
        t.reschedule(3)
    except RuntimeError as e:
        print("  not entered:", ename(e), e)
    try:
        cm.reschedule(3)
    except RuntimeError as e:
        print("  expired:", ename(e), e)
    print("  when kept", cm.when())

loop.run_until_complete(main())
loop.close()
