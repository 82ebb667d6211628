# a timeout around a whole fan-out: wait_for(gather(...), t). On timeout every child is
# cancelled and TimeoutError comes once they are all done; a child that swallows the cancel
# and returns a value still ends in TimeoutError; return_exceptions does not hide the
# timeout; a fan-out that beats the timeout returns the list; the waiting task cancelled
# from outside gets CancelledError with its message, not TimeoutError.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

async def job(name, d, stubborn=False):
    try:
        await asyncio.sleep(d)
    except asyncio.CancelledError as e:
        print("  ", name, "cancelled", fmt(e), T())
        if not stubborn:
            raise
        await asyncio.sleep(0.2)
        print("  ", name, "returns anyway", T())
        return name + "!"
    print("  ", name, "done", T())
    return name

async def attempt(label, aw, timeout):
    try:
        print(label, "->", fmt(await asyncio.wait_for(aw, timeout)), T())
    except TimeoutError as e:
        print(label, "-> TimeoutError", T())

async def main():
    await attempt("in time", asyncio.gather(job("a", 0.1), job("b", 0.2)), 1)
    await attempt("too slow", asyncio.gather(job("c", 0.1), job("d", 5), job("e", 7)), 0.5)
    await attempt("stubborn", asyncio.gather(job("f", 5, True), job("g", 0.3)), 0.5)
    await attempt("return_exceptions", asyncio.gather(job("h", 5), job("i", 0.1), return_exceptions=True), 0.5)
    g = asyncio.gather(job("j", 0.2), job("k", 0.4))
    await attempt("gather future, zero", g, 0)
    print("zero: gather cancelled", g.cancelled(), "done", g.done())

    async def guarded():
        return await asyncio.wait_for(asyncio.gather(job("l", 5), job("m", 6)), 2)
    w = asyncio.create_task(guarded())
    await asyncio.sleep(0.5)
    w.cancel("user abort")
    try:
        await w
    except asyncio.CancelledError as e:
        print("guarded raised", fmt(e), T())

loop.run_until_complete(main())
loop.close()
