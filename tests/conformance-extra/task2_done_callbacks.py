# Future done callbacks: they run through call_soon in registration order (never at once),
# remove_done_callback removes every registration of a function and returns the count, a
# callback added to a done future is scheduled at once, a failing callback does not stop the
# others, and callbacks interleave with the wake-ups of tasks awaiting the same future.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

def handler(lp, ctx):
    print("handler:", fmt(ctx.get("exception")))
loop.set_exception_handler(handler)

def cb(tag):
    def f(fut):
        if fut.cancelled():
            print("cb", tag, "cancelled", T())
        elif fut.exception() is not None:
            print("cb", tag, "exception", fmt(fut.exception()), T())
        else:
            print("cb", tag, "result", fmt(fut.result()), T())
    return f

def boom(fut):
    raise ValueError("boom in callback")

async def main():
    f = loop.create_future()
    a, b, c = cb("a"), cb("b"), cb("c")
    f.add_done_callback(a)
    f.add_done_callback(b)
    f.add_done_callback(a)
    f.add_done_callback(boom)
    f.add_done_callback(c)
    f.add_done_callback(b)
    print("removed b:", f.remove_done_callback(b))
    print("removed b again:", f.remove_done_callback(b))
    loop.call_soon(print, "soon before set_result")
    f.set_result(42)
    print("set_result returned; done", f.done())
    loop.call_soon(print, "soon after set_result")
    print("remove a after done:", f.remove_done_callback(a))
    f.add_done_callback(cb("late"))
    print("late added")
    await asyncio.sleep(0)
    print("after one sleep(0)")

    g = loop.create_future()
    async def waiter():
        v = await g
        print("waiter got", fmt(v), T())
        return v
    w = loop.create_task(waiter())
    await asyncio.sleep(0)
    g.add_done_callback(cb("g1"))
    loop.call_later(0.5, g.set_result, "gee")
    g.add_done_callback(cb("g2"))
    print("main awaits waiter")
    await w
    print("after waiter", T())

    h = loop.create_future()
    def adder(fut):
        print("adder runs; adding inner")
        fut.add_done_callback(cb("inner"))
    h.add_done_callback(adder)
    h.add_done_callback(cb("h2"))
    print("cancel h", h.cancel("no"))
    await asyncio.sleep(0)
    print("after cancel sleep(0)")
    await asyncio.sleep(0)
    print("after second sleep(0)")

    e = loop.create_future()
    e.add_done_callback(cb("e"))
    loop.call_later(0.25, e.set_exception, ValueError("bad e"))
    try:
        await e
    except ValueError as exc:
        print("main caught", fmt(exc), T())

    async def ret():
        await asyncio.sleep(1)
        return "val"
    t = loop.create_task(ret())
    t.add_done_callback(cb("task"))
    t.add_done_callback(cb("task2"))
    print("removed task2:", t.remove_done_callback(cb("task2")))
    r = await t
    print("awaited task", fmt(r), T())

loop.run_until_complete(main())
loop.close()
