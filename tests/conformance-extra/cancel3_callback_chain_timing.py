# exactly which loop iteration tasks wake up in, next to a reporter task that prints every
# iteration: a future set from call_soon, from call_later and from a done callback of another
# future (a chain of three, each link one iteration later); a task awaiting a task wakes one
# iteration after it finishes, after the task's own done callbacks registered earlier; a
# done callback that cancels a task whose wake-up is already queued (the task gets
# CancelledError although its future has a result) versus one queued after the wake-up.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

async def reporter(label, n):
    for i in range(n):
        print("   ", label, i, T())
        await asyncio.sleep(0)

async def waiter(name, fut):
    try:
        v = await fut
        print("  ", name, "woke with", fmt(v), T())
        return v
    except asyncio.CancelledError as e:
        print("  ", name, "cancelled", fmt(e), "future done", fut.done(), T())
        raise

def link(nxt, tag):
    def cb(f):
        print("  cb", tag, "sees", fmt(f.result()), "-> sets next")
        nxt.set_result(f.result() + 1)
    return cb

async def main():
    # chain: f1 -> (cb) f2 -> (cb) f3, f1 set from call_soon
    f1, f2, f3 = loop.create_future(), loop.create_future(), loop.create_future()
    f1.add_done_callback(link(f2, "1->2"))
    f2.add_done_callback(link(f3, "2->3"))
    ws = [asyncio.create_task(waiter(n, f)) for n, f in (("w3", f3), ("w2", f2), ("w1", f1))]
    asyncio.create_task(reporter("chain", 6))
    loop.call_soon(f1.set_result, 10)
    await asyncio.gather(*ws)
    print("chain done", T())

    # a timer sets the future
    f = loop.create_future()
    w = asyncio.create_task(waiter("wt", f))
    loop.call_later(0.5, lambda: (print("  timer sets f", T()), f.set_result("tick")))
    await asyncio.sleep(0.25)
    asyncio.create_task(reporter("timer", 4))
    await w

    # a task awaiting a task, plus done callbacks of the inner task
    async def inner():
        await asyncio.sleep(0.5)
        print("  inner returns", T())
        return "in"
    it = asyncio.create_task(inner())
    it.add_done_callback(lambda t: print("  done cb A of inner", fmt(t.result())))
    outer = asyncio.create_task(waiter("outer", it))
    await asyncio.sleep(0)
    it.add_done_callback(lambda t: print("  done cb B of inner", fmt(t.result())))
    await asyncio.sleep(0.25)
    asyncio.create_task(reporter("nest", 4))
    await outer

    # a done callback registered before the waiter cancels it: CancelledError despite the result
    g = loop.create_future()
    holder = {}
    g.add_done_callback(lambda _: print("  early cb cancels", holder["w"].cancel("from cb")))
    holder["w"] = asyncio.create_task(waiter("wg", g))
    await asyncio.sleep(0)
    loop.call_soon(g.set_result, "value")
    try:
        await holder["w"]
    except asyncio.CancelledError as e:
        print("wg ->", fmt(e), T())

    # registered after the waiter: the waiter already has its value and sleeps on
    async def sleeper(fut):
        v = await fut
        print("   sleeper got", fmt(v), T())
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError as e:
            print("   sleeper cancelled in its sleep", fmt(e), T())
            raise
    h = loop.create_future()
    s = asyncio.create_task(sleeper(h))
    await asyncio.sleep(0)
    h.add_done_callback(lambda _: print("  late cb cancels", s.cancel("late")))
    loop.call_later(0.125, h.set_result, "v2")
    try:
        await s
    except asyncio.CancelledError as e:
        print("sleeper ->", fmt(e), T())

loop.run_until_complete(main())
loop.close()
