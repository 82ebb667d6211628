# the items of as_completed used as awaitables of other task functions: gather(*items)
# wraps each in a numbered Task, started in order, so the list comes out in completion
# order; ensure_future(item) is a Task while a later item awaited inline gets the first
# result; shield(item) cancelled leaves the input running; wait_for(item, t) timing out
# does not cancel the input. Timeouts: 0 with an already-done input (it comes first), one
# whose set_result is already queued and one pending (both time out); a negative timeout;
# an item awaited long after its input completed in time still gives the result, one whose
# input completes after the timeout raises TimeoutError.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

async def work(name, d):
    try:
        await asyncio.sleep(d)
    except asyncio.CancelledError:
        print("  ", name, "cancelled", T())
        raise
    return name

def names():
    return fmt(sorted(t.get_name() for t in asyncio.all_tasks()))

async def main():
    a = asyncio.create_task(work("slow", 0.3))
    b = asyncio.create_task(work("fast", 0.1))
    items = list(asyncio.as_completed([a, b]))
    g = asyncio.gather(*items)
    print("gather(*items) tasks", names())
    print("gather ->", fmt(await g), T())

    a = asyncio.create_task(work("slow", 0.3))
    b = asyncio.create_task(work("fast", 0.1))
    items = list(asyncio.as_completed([a, b]))
    t1 = asyncio.ensure_future(items[1])
    print("ensure_future(item)", t1.get_name(), "is a task", isinstance(t1, asyncio.Task))
    print("inline item ->", fmt(await items[0]), T())
    print("task item ->", fmt(await t1), T())

    c = asyncio.create_task(work("c", 0.2))
    items = list(asyncio.as_completed([c]))
    s = asyncio.shield(items[0])
    await asyncio.sleep(0.1)
    print("cancel shield", s.cancel())
    await asyncio.sleep(0.2)
    print("c", fmt(c.result()), T())

    d = asyncio.create_task(work("d", 0.5))
    items = list(asyncio.as_completed([d]))
    try:
        await asyncio.wait_for(items[0], 0.2)
    except asyncio.TimeoutError:
        print("wait_for(item) timed out", T(), "d cancelled", d.cancelled())
    print("d ->", fmt(await d), T())

    done = loop.create_future(); done.set_result("done")
    queued = loop.create_future()
    pending = loop.create_future()
    loop.call_soon(queued.set_result, "queued")
    for f in asyncio.as_completed([done, queued, pending], timeout=0):
        try:
            print("timeout 0:", fmt(await f), T())
        except asyncio.TimeoutError:
            print("timeout 0: TimeoutError", T())
    for f in asyncio.as_completed([pending], timeout=-1):
        try:
            print("timeout -1:", fmt(await f))
        except asyncio.TimeoutError:
            print("timeout -1: TimeoutError", T())

    r = loop.create_future()
    items = list(asyncio.as_completed([r], timeout=0.5))
    loop.call_later(0.2, r.set_result, "r")
    await asyncio.sleep(1)
    print("awaited late:", fmt(await items[0]), T())
    s2 = loop.create_future()
    items = list(asyncio.as_completed([s2], timeout=0.5))
    await asyncio.sleep(1)
    loop.call_soon(s2.set_result, "s2")
    try:
        print("late input:", fmt(await items[0]))
    except asyncio.TimeoutError:
        print("late input: TimeoutError", T(), "although s2 done", s2.done())
    pending.cancel()

loop.run_until_complete(main())
loop.close()
