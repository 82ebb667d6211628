# shield corners: already-done futures and tasks (finished, failed, cancelled) come back as
# they are; shield of a coroutine makes a numbered Task at once (the coroutine sees its
# name); two tasks awaiting the same shield: cancelling one cancels the shared outer, so
# the other gets CancelledError too while the inner goes on; the inner failing after the
# outer was cancelled (the outer stays cancelled, the inner keeps its exception); the inner
# cancelled with a message gives the outer a plain cancel (empty message); shield of a
# shield whose innermost is cancelled; iteration counts: the waiter of a shield wakes one
# iteration later than a direct waiter.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

async def work(name, d, fail=False):
    print("  work", name, "in", asyncio.current_task().get_name(), T())
    try:
        await asyncio.sleep(d)
    except asyncio.CancelledError as e:
        print("  work", name, "cancelled", fmt(e), T())
        raise
    if fail:
        print("  work", name, "fails", T())
        raise ValueError(name)
    print("  work", name, "finished", T())
    return name

def names():
    return sorted(t.get_name() for t in asyncio.all_tasks())

async def main():
    print("main is", asyncio.current_task().get_name())
    f = loop.create_future(); f.set_result(1)
    g = loop.create_future(); g.set_exception(ValueError("g"))
    h = loop.create_future(); h.cancel("hh")
    print("done futures as is", asyncio.shield(f) is f, asyncio.shield(g) is g, asyncio.shield(h) is h)
    t = asyncio.create_task(work("quick", 0.01))
    await t
    print("done task as is", asyncio.shield(t) is t, fmt(g.exception()))
    try:
        await asyncio.shield(h)
    except asyncio.CancelledError as e:
        print("shield of cancelled future raises", fmt(e))

    c = work("coro", 0.1)
    s = asyncio.shield(c)
    print("tasks after shield(coro)", names(), "outer is a task", isinstance(s, asyncio.Task))
    print("shield(coro) ->", fmt(await s), T())

    inner = asyncio.create_task(work("shared", 0.5))
    outer = asyncio.shield(inner)
    async def waiter(tag):
        try:
            r = await outer
            print("  waiter", tag, "got", fmt(r), T())
        except asyncio.CancelledError as e:
            print("  waiter", tag, "cancelled", fmt(e), T())
    w1 = asyncio.create_task(waiter("w1"))
    w2 = asyncio.create_task(waiter("w2"))
    await asyncio.sleep(0.1)
    print("cancel w1", w1.cancel("only w1"), T())
    await asyncio.sleep(0)
    print("outer cancelled", outer.cancelled(), "inner done", inner.done())
    await asyncio.sleep(0)
    print("w2 done", w2.done(), "w2 cancelled", w2.cancelled())
    print("inner result", fmt(await inner), T())

    inner = asyncio.create_task(work("late-fail", 0.3, True))
    outer = asyncio.shield(inner)
    await asyncio.sleep(0.1)
    print("cancel outer", outer.cancel("outer msg"), "inner cancelled", inner.cancelled())
    try:
        await inner
    except ValueError as e:
        print("inner raised", fmt(e), T())
    print("outer still cancelled", outer.cancelled())
    try:
        outer.result()
    except asyncio.CancelledError as e:
        print("outer.result()", fmt(e))

    inner = asyncio.create_task(work("direct", 1))
    outer = asyncio.shield(inner)
    outer2 = asyncio.shield(outer)
    await asyncio.sleep(0.1)
    print("cancel inner", inner.cancel("from inner"))
    try:
        await outer2
    except asyncio.CancelledError as e:
        print("outer2 raised", fmt(e), "outer", outer.cancelled(), "outer2", outer2.cancelled(), T())
    try:
        await inner
    except asyncio.CancelledError as e:
        print("inner raised", fmt(e))

    it = [0]
    def tick():
        it[0] += 1
        if it[0] < 8:
            loop.call_soon(tick)
    src = loop.create_future()
    async def direct():
        await src
        print("  direct woke at iteration", it[0])
    async def shielded():
        await asyncio.shield(src)
        print("  shielded woke at iteration", it[0])
    a = asyncio.create_task(shielded())
    b = asyncio.create_task(direct())
    await asyncio.sleep(0)
    loop.call_soon(tick)
    loop.call_soon(src.set_result, "x")
    await asyncio.gather(a, b)
    print("end", T())

loop.run_until_complete(main())
loop.close()
