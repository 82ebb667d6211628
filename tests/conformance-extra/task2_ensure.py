# ensure_future: a future or task comes back as it is, a coroutine becomes a Task scheduled at
# once (so it runs even if nobody awaits it; that holds for a wait_for(...) too, which is a
# coroutine); gather wraps its arguments in argument order; iscoroutine / isfuture /
# iscoroutinefunction tell the kinds apart.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

async def work(tag, d):
    print(tag, "starts in", asyncio.current_task().get_name(), T())
    await asyncio.sleep(d)
    print(tag, "ends", T())
    return tag

def plain():
    return 1

async def main():
    f = loop.create_future()
    print("ensure_future(future) is it", asyncio.ensure_future(f) is f)
    t = loop.create_task(work("t", 0.1))
    print("ensure_future(task) is it", asyncio.ensure_future(t) is t)
    c = work("c", 0.2)
    print("iscoroutine(c)", asyncio.iscoroutine(c), "isfuture(c)", asyncio.isfuture(c))
    ct = asyncio.ensure_future(c)
    print("ensure_future(coro): task", isinstance(ct, asyncio.Task), "isfuture", asyncio.isfuture(ct),
          "iscoroutine", asyncio.iscoroutine(ct), "name", ct.get_name(), "same loop", ct.get_loop() is loop)
    print("isfuture(f)", asyncio.isfuture(f), "iscoroutine(f)", asyncio.iscoroutine(f),
          "isfuture(None)", asyncio.isfuture(None), "iscoroutine(1)", asyncio.iscoroutine(1))
    print("iscoroutinefunction(work)", asyncio.iscoroutinefunction(work),
          "iscoroutinefunction(plain)", asyncio.iscoroutinefunction(plain),
          "iscoroutine(work)", asyncio.iscoroutine(work))
    print("gathered", fmt(await asyncio.gather(t, ct)), T())
    f.set_result("f")

    print("-- gather with a wait_for in the middle")
    res = await asyncio.gather(work("g1", 0.5), asyncio.wait_for(work("g2", 0.25), 10), work("g3", 0.75))
    print("gather ->", fmt(res), T())

    print("-- fire and forget")
    ff = asyncio.ensure_future(asyncio.wait_for(work("ff", 0.3), 10))
    print("ff isfuture", asyncio.isfuture(ff), "done", ff.done())
    await asyncio.sleep(1)
    print("ff done", ff.done(), T())
    if ff.done():
        print("ff result", fmt(ff.result()))

loop.run_until_complete(main())
loop.close()
