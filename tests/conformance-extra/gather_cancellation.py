# gather and cancellation: a child cancelled on its own fails the gather with CancelledError
# (the gather itself is not cancelled) or, with return_exceptions, lands in the list; the
# cancel message reaches the children; a task cancelled while awaiting a return_exceptions
# gather gets CancelledError once every child is done; a gather whose children are all done
# refuses cancel(); nested gathers; children that are Futures already done.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

async def work(name, d, fail=False):
    try:
        await asyncio.sleep(d)
    except asyncio.CancelledError as e:
        print(name, "cancelled", fmt(e), T())
        raise
    if fail:
        raise ValueError(name)
    print(name, "done", T())
    return name

async def stubborn(name, d):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print(name, "ignores the cancel", T())
    await asyncio.sleep(d)
    print(name, "done", T())
    return name

async def main():
    a = asyncio.create_task(work("a", 1))
    b = asyncio.create_task(work("b", 2))
    g = asyncio.gather(a, b)
    await asyncio.sleep(0.5)
    a.cancel("only a")
    try:
        await g
    except asyncio.CancelledError as e:
        print("gather failed", fmt(e), "cancelled", g.cancelled(), "b done", b.done(), T())
    print("b result", fmt(await b), T())

    c = asyncio.create_task(work("c", 1))
    d = asyncio.create_task(work("d", 0.5, True))
    g = asyncio.gather(c, d, return_exceptions=True)
    await asyncio.sleep(0.2)
    c.cancel()
    print("list", fmt(await g), T())

    g = asyncio.gather(work("e", 1), work("f", 2))
    await asyncio.sleep(0.1)
    print("cancel with message", g.cancel("stop"), T())
    try:
        await g
    except asyncio.CancelledError as e:
        print("gather raised", fmt(e), T())

    async def waiter():
        return await asyncio.gather(work("g", 1), stubborn("h", 0.5), return_exceptions=True)
    w = asyncio.create_task(waiter())
    await asyncio.sleep(0.1)
    w.cancel()
    try:
        print("waiter got", fmt(await w))
    except asyncio.CancelledError:
        print("waiter cancelled", w.cancelled(), T())

    f1 = loop.create_future()
    f2 = loop.create_future()
    f1.set_result(1)
    f2.set_exception(ValueError("ready"))
    print("done children", fmt(await asyncio.gather(f1, f2, return_exceptions=True)), T())
    try:
        await asyncio.gather(f1, f2)
    except ValueError as e:
        print("done children raise", fmt(e))

    fut = loop.create_future()
    async def child():
        return await fut
    g = asyncio.gather(child())
    await asyncio.sleep(0)  # the child now waits on fut: it is woken before the callback below
    refusal = []
    fut.add_done_callback(lambda _: refusal.append(g.cancel()))
    loop.call_later(0.3, fut.set_result, 42)
    print("all done before cancel", fmt(await g), refusal, T())

    inner1 = asyncio.gather(work("i", 0.2), work("j", 0.4))
    inner2 = asyncio.gather(work("k", 0.3, True), work("l", 0.6))
    print("nested", fmt(await asyncio.gather(inner1, inner2, return_exceptions=True)), T())
    await asyncio.sleep(1)
    print("end", T())

loop.run_until_complete(main())
loop.close()
