# wait_for, the hard cases: a result that lands in the same iteration as the timeout, an inner
# that suppresses the cancellation and returns a value, an inner that takes time to finish
# cancelling (wait_for waits for it), an inner that raises while being cancelled, cancelling
# the waiter cancels the inner, a shielded inner survives the timeout, negative timeouts.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

async def suppress():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("suppress: caught the cancel", T())
    return 42

async def slow_cancel():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("slow_cancel: cleaning up", T())
        await asyncio.sleep(0.25)
        print("slow_cancel: cleaned up", T())
        raise

async def raise_on_cancel():
    try:
        await asyncio.sleep(10)
    finally:
        raise ValueError("from finally")

async def work(name, d):
    await asyncio.sleep(d)
    print(name, "finished", T())
    return name

async def attempt(label, aw, timeout):
    try:
        print(label, "->", fmt(await asyncio.wait_for(aw, timeout)), T())
    except asyncio.TimeoutError:
        print(label, "-> TimeoutError", T())
    except Exception as e:
        print(label, "->", fmt(e), T())

async def main():
    # the result and the timeout in one iteration, the result's timer first (the only two
    # timers pending, so CPython's heap pops them in scheduling order): the timeout wins
    f = loop.create_future()
    loop.call_later(1, f.set_result, "late")
    await attempt("race", f, 1)
    print("race future cancelled", f.cancelled(), "result", fmt(f.result()))
    await attempt("suppressed", suppress(), 0.5)
    t = asyncio.create_task(slow_cancel())
    await asyncio.sleep(0)
    await attempt("slow cancel", t, 0.5)
    print("slow_cancel task cancelled", t.cancelled())
    await attempt("raises", raise_on_cancel(), 0.5)
    inner = asyncio.create_task(work("inner", 5))
    waiter = asyncio.create_task(asyncio.wait_for(inner, 2))
    await asyncio.sleep(0.5)
    waiter.cancel()
    try:
        await waiter
    except asyncio.CancelledError:
        print("waiter cancelled", T(), "inner cancelled", inner.cancelled())
    shielded = asyncio.create_task(work("shielded", 1))
    await attempt("shield", asyncio.shield(shielded), 0.5)
    print("shielded done", shielded.done(), T())
    print("shielded result", fmt(await shielded), T())
    done = loop.create_future()
    done.set_result("ready")
    await attempt("negative, done", done, -1)
    running = asyncio.create_task(work("running", 1))
    await asyncio.sleep(0)
    await attempt("negative, running", running, -1)
    print("running cancelled", running.cancelled())
    failed = loop.create_future()
    failed.set_exception(ValueError("early"))
    await attempt("zero, failed", failed, 0)
    quick = asyncio.create_task(work("quick", 0.1))
    async def outer():
        r = await asyncio.wait_for(quick, 100)
        print("outer got", fmt(r), T())
        await asyncio.sleep(1)
        print("outer not reached")
    o = asyncio.create_task(outer())
    await asyncio.sleep(0.2)
    o.cancel()
    try:
        await o
    except asyncio.CancelledError:
        print("outer cancelled", T())

loop.run_until_complete(main())
loop.close()
