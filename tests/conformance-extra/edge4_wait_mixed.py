# wait over plain Futures and Tasks mixed, done and pending: the sets hold the very objects
# passed in (identity, one entry for a duplicate); FIRST_COMPLETED with some already done
# returns after one iteration with exactly those (plus any that completed in that iteration);
# a cancelled future counts as completed but not as an exception for FIRST_EXCEPTION; timeout
# 0 with a set_result already queued by call_soon sees it done (the completion callbacks run
# before the waiter's wake-up); a failure after a cancellation ends FIRST_EXCEPTION; the
# iteration in which the waiting task resumes, counted by a ticking callback.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

it = [0]
gen = [0]
def tick(g):
    if g != gen[0]:
        return
    it[0] += 1
    loop.call_soon(tick, g)

def start_ticks():
    it[0] = 0
    gen[0] += 1
    loop.call_soon(tick, gen[0])

def stop_ticks():
    gen[0] += 1

async def work(name, d, fail=False):
    await asyncio.sleep(d)
    if fail:
        raise ValueError(name)
    return name

def show(label, done, pending, objs):
    dn = sorted(k for k, o in objs.items() if any(o is x for x in done))
    pn = sorted(k for k, o in objs.items() if any(o is x for x in pending))
    print(label, "done", fmt(dn), "pending", fmt(pn), "sizes", len(done), len(pending), T())

async def main():
    f1 = loop.create_future(); f1.set_result("f1")
    f2 = loop.create_future()
    t1 = asyncio.create_task(work("t1", 0.5))
    t2 = asyncio.create_task(work("t2", 0.2))
    objs = {"f1": f1, "f2": f2, "t1": t1, "t2": t2}
    start_ticks()
    done, pending = await asyncio.wait([f1, f2, t1, t2, f1, t2], return_when=asyncio.FIRST_COMPLETED)
    stop_ticks()
    show("first-completed with one done", done, pending, objs)
    print("resumed at iteration", it[0])
    print("members are the inputs", all(x in objs.values() for x in done | pending))

    f3 = loop.create_future()
    objs["f3"] = f3
    loop.call_soon(f3.set_result, "f3")
    start_ticks()
    done, pending = await asyncio.wait([f3, f2, t1], timeout=0)
    stop_ticks()
    show("timeout 0 with a queued set_result", done, pending, objs)
    print("resumed at iteration", it[0])

    f4 = loop.create_future()
    objs["f4"] = f4
    start_ticks()
    loop.call_soon(f4.set_result, "f4")
    done, pending = await asyncio.wait([f4, t1], return_when=asyncio.FIRST_COMPLETED)
    stop_ticks()
    show("first-completed from a callback", done, pending, objs)
    print("resumed at iteration", it[0])

    c1 = loop.create_future()
    objs["c1"] = c1
    loop.call_later(0.05, c1.cancel, "gone")
    loop.call_later(0.1, f2.set_exception, ValueError("f2 bad"))
    done, pending = await asyncio.wait([c1, f2, t1], return_when=asyncio.FIRST_EXCEPTION)
    show("first-exception after a cancel", done, pending, objs)
    print("f2 exception", fmt(f2.exception()), "c1 cancelled", c1.cancelled())

    c2 = loop.create_future()
    objs["c2"] = c2
    loop.call_later(0.05, c2.cancel)
    done, pending = await asyncio.wait([c2, t1], return_when=asyncio.FIRST_COMPLETED)
    show("first-completed by a cancel", done, pending, objs)

    c3 = loop.create_future()
    objs["c3"] = c3
    loop.call_later(0.03, c3.cancel)
    done, pending = await asyncio.wait([c3, t1], return_when=asyncio.FIRST_EXCEPTION)
    show("first-exception with only a cancel", done, pending, objs)
    print("t1", fmt(t1.result()))

    start_ticks()
    done, pending = await asyncio.wait([f1, t1, c3], timeout=0)
    stop_ticks()
    show("timeout 0 all done", done, pending, objs)
    print("resumed at iteration", it[0])
    start_ticks()
    done, pending = await asyncio.wait([f1, t1])
    stop_ticks()
    show("all done, no timeout", done, pending, objs)
    print("resumed at iteration", it[0])

loop.run_until_complete(main())
loop.close()
