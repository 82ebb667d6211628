# shield: cancelling the waiter does not cancel the shielded task; as_completed yields in
# completion order and raises TimeoutError for those not done in time.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

async def work(name, d):
    await asyncio.sleep(d)
    print("finished", name, T())
    return name

async def waiter(inner):
    try:
        return await asyncio.shield(inner)
    except asyncio.CancelledError:
        print("waiter cancelled", T(), "inner cancelled", inner.cancelled())
        raise

async def main():
    inner = asyncio.create_task(work("inner", 1))
    w = asyncio.create_task(waiter(inner))
    await asyncio.sleep(0.5)
    w.cancel()
    try:
        await w
    except asyncio.CancelledError:
        print("w cancelled", w.cancelled(), T())
    print("inner result", await inner, T())
    fs = [work("x", 0.3), work("y", 0.1), work("z", 0.2)]
    for f in asyncio.as_completed(fs):
        print("got", await f, T())
    fs = [asyncio.create_task(work(n, d)) for n, d in [("p", 0.1), ("q", 5)]]
    for f in asyncio.as_completed(fs, timeout=1):
        try:
            print("got", await f, T())
        except asyncio.TimeoutError:
            print("timed out", T())
    fs[1].cancel()

loop.run_until_complete(main())
loop.close()
