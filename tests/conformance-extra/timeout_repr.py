# Timeout's repr through its states: created, active with its deadline rounded to 3 places as
# Python rounds (on the exact binary value, ties to even: 0.0625 -> 0.062), active without a
# deadline, expiring (seen from the body after the deadline), expired, finished; when() keeps
# the unrounded deadline.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

async def main():
    cm = asyncio.timeout_at(0.0625)
    print("created:", repr(cm))
    async with cm:
        print("active:", repr(cm), "when", cm.when())
        for when in (1.0625, 2.0005, 1.0015, 0.1 + 0.2, 12345.6789, 7.0, 1e16, 2.675, 123456789.0625):
            cm.reschedule(when)
            print("  reschedule(%r):" % when, repr(cm))
        cm.reschedule(None)
        print("  reschedule(None):", repr(cm))
    print("finished:", repr(cm))
    cm = asyncio.timeout(0.5)
    try:
        async with cm:
            try:
                await asyncio.sleep(1)
            except asyncio.CancelledError:
                print("expiring:", repr(cm), T())
                raise
    except TimeoutError:
        print("expired:", repr(cm), "when", cm.when())

loop.run_until_complete(main())
loop.close()
