# gather and cancellations that do not come from the gather: results keep argument order
# whatever the completion order; with return_exceptions a Task cancelled by someone else
# with a message is listed as a CancelledError with an empty message (the message lives in
# the error the task raised), a plain Future cancelled with a message keeps it, a task
# cancelled before its first step is empty too; without return_exceptions the gather fails
# with the task's own CancelledError (message kept) and is not cancelled itself; gather.cancel()
# with a child that swallows the cancellation: the gather raises the CancelledError of its
# LAST child in argument order (with or without the message), and is not "cancelled".
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

async def work(name, d):
    try:
        await asyncio.sleep(d)
    except asyncio.CancelledError as e:
        print("  ", name, "cancelled", fmt(e), T())
        raise
    print("  ", name, "done", T())
    return name

async def swallow(name, d):
    try:
        await asyncio.sleep(d)
    except asyncio.CancelledError as e:
        print("  ", name, "swallows", fmt(e), T())
        return name + " swallowed"
    return name

async def main():
    a = asyncio.create_task(work("a", 0.3))
    b = asyncio.create_task(work("b", 0.1))
    c = asyncio.create_task(work("c", 0.2))
    print("order", fmt(await asyncio.gather(a, b, c)), T())

    a = asyncio.create_task(work("a", 0.1))
    b = asyncio.create_task(work("b", 0.5))
    f = loop.create_future()
    e = asyncio.create_task(work("e", 0.1))
    e.cancel("early")
    g = asyncio.gather(a, b, f, e, return_exceptions=True)
    loop.call_later(0.2, b.cancel, "b msg")
    loop.call_later(0.3, f.cancel, "f msg")
    print("return_exceptions", fmt(await g), "gather cancelled", g.cancelled(), T())
    try:
        e.result()
    except asyncio.CancelledError as exc:
        print("e.result() after the gather listed it:", fmt(exc))

    a = asyncio.create_task(work("a", 0.3))
    b = asyncio.create_task(work("b", 0.5))
    g = asyncio.gather(a, b)
    loop.call_later(0.1, b.cancel, "third party")
    try:
        await g
    except asyncio.CancelledError as exc:
        print("gather raised", fmt(exc), "cancelled", g.cancelled(), "done", g.done(), T())
    print("a goes on", fmt(await a), T())
    try:
        b.result()
    except asyncio.CancelledError as exc:
        print("b.result() afterwards:", fmt(exc))

    for order in ("swallow last", "swallow first"):
        s = asyncio.create_task(swallow("s", 1))
        p = asyncio.create_task(work("p", 1))
        kids = (p, s) if order == "swallow last" else (s, p)
        g = asyncio.gather(*kids, return_exceptions=True)
        await asyncio.sleep(0.1)
        print(order, "cancel", g.cancel("stop"), T())
        try:
            print("  gather ->", fmt(await g))
        except asyncio.CancelledError as exc:
            print("  gather raised", fmt(exc), "cancelled", g.cancelled(), T())
        print("  s", fmt(s.result()), "p cancelled", p.cancelled())

    s = asyncio.create_task(swallow("s", 1))
    p = asyncio.create_task(work("p", 0.05))
    g = asyncio.gather(s, p)
    await asyncio.sleep(0.1)
    print("only the swallower pending: cancel", g.cancel("stop"), T())
    try:
        print("  gather ->", fmt(await g))
    except asyncio.CancelledError as exc:
        print("  gather raised", fmt(exc), "cancelled", g.cancelled(), T())

loop.run_until_complete(main())
loop.close()
