# a Future set from a timer while several tasks await it: they wake in the order they began
# awaiting (not the order they were created), interleaved with done callbacks in
# registration order, in the iteration after the timer; a waiter cancelled by a done
# callback registered before it gets CancelledError although the future has a result, while
# the others get the value; a gather over the same future completes one iteration later; a
# waiter that re-awaits the done future does not give way; a reporter shows the iterations.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

async def reporter(label, n):
    for i in range(n):
        print("   ", label, i, T())
        await asyncio.sleep(0)

async def waiter(name, fut, delay):
    await asyncio.sleep(delay)
    print("  ", name, "awaits", T())
    try:
        v = await fut
    except asyncio.CancelledError as e:
        print("  ", name, "cancelled", fmt(e), "future has", fmt(fut.result()), T())
        raise
    print("  ", name, "got", fmt(v), T())
    v2 = await fut
    print("  ", name, "re-awaited without a pause", fmt(v2))
    return v

async def gatherer(fut):
    r = await asyncio.gather(fut, fut)
    print("   gatherer got", fmt(r), T())
    return r

async def main():
    f = loop.create_future()
    ws = {}
    f.add_done_callback(lambda _: print("  cb1 cancels w-b:", ws["b"].cancel("cb1")))
    ws["a"] = asyncio.create_task(waiter("w-a", f, 0.3))
    ws["b"] = asyncio.create_task(waiter("w-b", f, 0.1))
    ws["c"] = asyncio.create_task(waiter("w-c", f, 0.2))
    g = asyncio.create_task(gatherer(f))
    await asyncio.sleep(0.25)
    f.add_done_callback(lambda fut: print("  cb2 sees", fmt(fut.result()), T()))
    def ring():
        print("  timer starts a reporter and sets the result", T())
        asyncio.create_task(reporter("rep", 4))
        f.set_result("ring")
    loop.call_later(0.5, ring)
    await asyncio.sleep(0.55)
    print("main sleeps past the timer", T())
    for k in "abc":
        try:
            print("w-" + k, "->", fmt(await ws[k]), T())
        except asyncio.CancelledError as e:
            print("w-" + k, "-> cancelled", fmt(e), T())
    print("gatherer ->", fmt(await g), T())

    # the timer fires while a waiter is about to time out on it through wait_for
    h = loop.create_future()
    loop.call_later(1.0, h.set_result, "h")
    async def late():
        try:
            return await asyncio.wait_for(h, 0.75)
        except TimeoutError:
            print("   late: TimeoutError; h cancelled", h.cancelled(), T())
            return "timeout"
    async def patient():
        try:
            return await h
        except asyncio.CancelledError:
            print("   patient: h was cancelled by the other waiter's timeout", T())
            return "lost"
    p1 = asyncio.create_task(late())
    p2 = asyncio.create_task(patient())
    print("late ->", fmt(await p1), "patient ->", fmt(await p2), T())

loop.run_until_complete(main())
loop.close()
