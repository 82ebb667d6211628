# cancel() called several times with different messages on a task awaiting a gather: every
# call returns True, the children see the first message and count every request in
# cancelling(), the gather's CancelledError carries the first message; a child that
# swallows the first cancel gets the second; a task blocked in wait() cancelled twice gets
# the first message while the waited tasks keep running (their results arrive later); a
# wait() whose timeout has not fired when the waiter is cancelled never fires later.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

async def child(name, d):
    me = asyncio.current_task()
    try:
        await asyncio.sleep(d)
    except asyncio.CancelledError as e:
        print("  child", name, "cancelled", fmt(e), "cancelling", me.cancelling(), T())
        raise
    print("  child", name, "done", T())
    return name

async def stubborn(name):
    me = asyncio.current_task()
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as e:
        print("  stubborn", name, "swallows", fmt(e), "cancelling", me.cancelling(), T())
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as e:
        print("  stubborn", name, "gives up on", fmt(e), "cancelling", me.cancelling(), T())
        raise

async def parent(aw, label):
    me = asyncio.current_task()
    try:
        return await aw
    except asyncio.CancelledError as e:
        print("  parent", label, "got", fmt(e), "cancelling", me.cancelling(), T())
        raise

async def main():
    p = asyncio.create_task(parent(asyncio.gather(child("a", 1), child("b", 2)), "g1"))
    await asyncio.sleep(0.5)
    print("cancels", p.cancel("first"), p.cancel("second"), p.cancel("third"), "cancelling", p.cancelling())
    try:
        await p
    except asyncio.CancelledError as e:
        print("g1 ->", fmt(e), "cancelled", p.cancelled(), T())

    s = asyncio.create_task(stubborn("s"))
    p = asyncio.create_task(parent(asyncio.gather(child("c", 1), s, return_exceptions=True), "g2"))
    await asyncio.sleep(0.5)
    print("cancel g2 parent", p.cancel("one"))
    await asyncio.sleep(0.25)
    print("s done", s.done(), "p done", p.done())
    print("cancel g2 parent again", p.cancel("two"), "cancelling", p.cancelling())
    try:
        await p
    except asyncio.CancelledError as e:
        print("g2 ->", fmt(e), "s cancelled", s.cancelled(), T())

    x = asyncio.create_task(child("x", 1))
    y = asyncio.create_task(child("y", 2))
    p = asyncio.create_task(parent(asyncio.wait([x, y], timeout=1.5), "w"))
    await asyncio.sleep(0.5)
    print("cancel waiter", p.cancel("w1"), p.cancel("w2"), "cancelling", p.cancelling())
    try:
        await p
    except asyncio.CancelledError as e:
        print("wait parent ->", fmt(e), T())
    print("x done", x.done(), "y done", y.done())
    await asyncio.sleep(1.75)
    print("after:", fmt(x.result()), fmt(y.result()), T())

    x = asyncio.create_task(child("x2", 1))
    p = asyncio.create_task(parent(asyncio.wait([x], return_when=asyncio.FIRST_COMPLETED), "w2"))
    await asyncio.sleep(0.5)
    x.cancel("x-cancel")
    print("x cancelled directly; cancel parent", p.cancel("late"))
    try:
        await p
    except asyncio.CancelledError as e:
        print("w2 parent ->", fmt(e), "x cancelled", x.cancelled(), T())

loop.run_until_complete(main())
loop.close()
