# per-request timeouts inside a fan-out: gather(wait_for(fetch(a), t), fetch(b), ...). The
# children start in argument order; one times out, the others finish; with
# return_exceptions the TimeoutError is in the list; cancelling such a gather waits until
# every child (and its cleanup) is done before the gather raises.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

async def fetch(name, d, cleanup=0):
    print("  start", name, T())
    try:
        await asyncio.sleep(d)
    except asyncio.CancelledError:
        print("  cancelled", name, T())
        if cleanup:
            await asyncio.sleep(cleanup)
            print("  cleaned up", name, T())
        raise
    print("  fetched", name, T())
    return name

async def main():
    res = await asyncio.gather(
        asyncio.wait_for(fetch("a", 0.2), 1),
        fetch("b", 0.3),
        asyncio.wait_for(fetch("c", 2), 0.5),
        return_exceptions=True)
    print("results", fmt(res), T())

    try:
        await asyncio.gather(fetch("d", 0.1), asyncio.wait_for(fetch("e", 3), 0.4), fetch("f", 0.7))
    except TimeoutError as e:
        print("gather raised", ename(e), T())
    await asyncio.sleep(1)

    g = asyncio.gather(
        asyncio.wait_for(fetch("g", 5, cleanup=0.3), 10),
        asyncio.wait_for(fetch("h", 5, cleanup=0.6), 10))
    await asyncio.sleep(0.5)
    print("cancel", g.cancel(), T())
    try:
        await g
    except asyncio.CancelledError:
        print("gather cancelled", T())
    await asyncio.sleep(1)
    print("end", T())

loop.run_until_complete(main())
loop.close()
