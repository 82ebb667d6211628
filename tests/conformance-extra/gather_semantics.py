# gather: results in input order, return_exceptions, a failure does not cancel siblings,
# cancelling the gather cancels the children.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

async def work(name, d, fail=False):
    print("start", name, T())
    try:
        await asyncio.sleep(d)
    except asyncio.CancelledError:
        print("cancelled", name, T())
        raise
    if fail:
        raise ValueError(name)
    print("end", name, T())
    return name.upper()

async def main():
    print("r1", fmt(await asyncio.gather(work("a", 0.3), work("b", 0.1), work("c", 0.2))), T())
    print("r2", fmt(await asyncio.gather(work("d", 0.1), work("e", 0.2, True), return_exceptions=True)), T())
    sib = asyncio.ensure_future(work("sib", 0.5))
    try:
        await asyncio.gather(work("f", 0.1, True), sib)
    except ValueError as e:
        print("r3 raised", fmt(e), T(), "sib done", sib.done())
    print("sib result", fmt(await sib), T())
    g = asyncio.gather(work("g", 1), work("h", 2))
    await asyncio.sleep(0.5)
    print("cancel gather", g.cancel(), T())
    try:
        await g
    except asyncio.CancelledError:
        print("gather cancelled", g.cancelled(), T())
    print("empty", fmt(await asyncio.gather()))
    f = loop.create_future()
    loop.call_later(0.25, f.set_result, 7)
    print("dup", fmt(await asyncio.gather(f, f, work("i", 0.1))), T())

loop.run_until_complete(main())
loop.close()
