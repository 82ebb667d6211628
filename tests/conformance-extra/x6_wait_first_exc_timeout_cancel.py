# asyncio.wait with FIRST_EXCEPTION and a timeout, mixed with cancellation: the timeout ends the
# wait with nothing failed (pending tasks keep running); a failure before the timeout ends it at
# once; a task cancelled while waited on counts as done, not as an exception; cancelling the
# waiting task leaves the waited tasks running; as_completed with a timeout raises TimeoutError
# from the first unfinished item and leaves the rest running.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

async def work(name, d, fail=False):
    try:
        await asyncio.sleep(d)
    except asyncio.CancelledError:
        print("  ", name, "cancelled", T())
        raise
    if fail:
        raise ValueError(name)
    return name

def names(s):
    return sorted(t.get_name() for t in s)

async def main():
    print("case 1: timeout before any failure")
    a = asyncio.create_task(work("a", 0.5), name="a")
    b = asyncio.create_task(work("b", 2, True), name="b")
    done, pending = await asyncio.wait([a, b], timeout=1, return_when=asyncio.FIRST_EXCEPTION)
    print("  done", names(done), "pending", names(pending), T())
    await asyncio.sleep(1.25)
    print("  b after:", fmt(b.exception()), T())

    print("case 2: failure before the timeout")
    c = asyncio.create_task(work("c", 0.25, True), name="c")
    d = asyncio.create_task(work("d", 3), name="d")
    done, pending = await asyncio.wait([c, d], timeout=1.5, return_when=asyncio.FIRST_EXCEPTION)
    print("  done", names(done), "pending", names(pending), T())
    d.cancel()
    await asyncio.sleep(0)

    print("case 3: a cancelled task is not an exception")
    e = asyncio.create_task(work("e", 0.75), name="e")
    f = asyncio.create_task(work("f", 1.75), name="f")
    loop.call_later(0.1, e.cancel)
    done, pending = await asyncio.wait([e, f], timeout=1.1, return_when=asyncio.FIRST_EXCEPTION)
    print("  done", names(done), "pending", names(pending), "e cancelled", e.cancelled(), T())
    await f

    print("case 4: the waiter is cancelled")
    g = asyncio.create_task(work("g", 1.05), name="g")
    async def waiter():
        try:
            await asyncio.wait([g], timeout=5, return_when=asyncio.FIRST_EXCEPTION)
        except asyncio.CancelledError:
            print("  waiter cancelled", T())
            raise
    w = asyncio.create_task(waiter())
    await asyncio.sleep(0.05)
    w.cancel()
    try:
        await w
    except asyncio.CancelledError:
        print("  w cancelled", w.cancelled(), "g done", g.done(), T())
    print("  g result", fmt(await g), T())

    print("case 5: as_completed with a timeout")
    h = asyncio.create_task(work("h", 0.2), name="h")
    i = asyncio.create_task(work("i", 2.5), name="i")
    got = []
    try:
        for fut in asyncio.as_completed([h, i], timeout=0.8):
            got.append(await fut)
            print("  got", got[-1], T())
    except TimeoutError as ex:
        print("  as_completed:", ename(ex), T())
    print("  i done", i.done(), T())
    i.cancel()
    await asyncio.sleep(0)
    print("  i cancelled", i.cancelled())

    print("case 6: as_completed timeout with nothing done")
    j = asyncio.create_task(work("j", 1.3), name="j")
    try:
        for fut in asyncio.as_completed([j], timeout=0.3):
            print("  awaiting first")
            await fut
    except TimeoutError as ex:
        print("  as_completed:", ename(ex), T())
    print("  j result", fmt(await j), T())

loop.run_until_complete(main())
loop.close()
