# a task blocked in wait() cancelled around the moment wait() completes: a done callback of
# the finishing future registered before wait's own cancels the waiter while wait's inner
# waiter is pending; one registered after wait's finds it already released, and the task
# still gets CancelledError in its next step (the results are there but never returned);
# the waited tasks keep running either way; a wait with a timeout cancelled early never
# wakes anyone later; a second wait() on the same tasks collects them. A reporter started
# in the completing iteration shows the steps.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()
names = {}

async def reporter(label, n):
    for i in range(n):
        print("   ", label, i, T())
        await asyncio.sleep(0)

async def job(name, d):
    await asyncio.sleep(d)
    print("  job", name, "finishes", T())
    return name

def mk(name, d):
    t = asyncio.create_task(job(name, d))
    names[t] = name
    return t

def wn(s):
    return ",".join(sorted(names[f] for f in s))

async def blocked(name, fs, **kw):
    me = asyncio.current_task()
    try:
        done, pending = await asyncio.wait(fs, **kw)
    except asyncio.CancelledError as e:
        print("  ", name, "cancelled in wait", fmt(e), "done:", wn(f for f in fs if f.done()),
              "cancelling", me.cancelling(), T())
        raise
    print("  ", name, "wait ->", wn(done), "|", wn(pending), T())
    return wn(done)

async def settle(t):
    try:
        return fmt(await t)
    except asyncio.CancelledError as e:
        return "cancelled " + fmt(e)

async def main():
    a, b = mk("a", 1), mk("b", 2)
    w1 = asyncio.create_task(blocked("w1", [a, b], return_when=asyncio.FIRST_COMPLETED))
    def early(_):
        print("  early cb on a: cancel w1", w1.cancel("early"), T())
        asyncio.create_task(reporter("rep1", 4))
    a.add_done_callback(early)
    print("w1:", await settle(w1), T())
    print("b still running:", not b.done())

    c, d = mk("c", 1.1), mk("d", 2.1)
    w2 = asyncio.create_task(blocked("w2", [c, d], return_when=asyncio.FIRST_COMPLETED))
    await asyncio.sleep(0)
    def late(_):
        print("  late cb on c: cancel w2", w2.cancel("late"), T())
        asyncio.create_task(reporter("rep2", 4))
    c.add_done_callback(late)
    print("w2:", await settle(w2), T())

    e = mk("e", 0.5)
    w3 = asyncio.create_task(blocked("w3", [d, e], timeout=0.75))
    await asyncio.sleep(0.25)
    print("cancel w3", w3.cancel("w3"), T())
    print("w3:", await settle(w3), T())
    await asyncio.sleep(1)
    print("after the old timeout", T())
    w4 = asyncio.create_task(blocked("w4", [a, b, c, d, e], return_when=asyncio.FIRST_EXCEPTION))
    print("w4:", await settle(w4), T())

loop.run_until_complete(main())
loop.close()
