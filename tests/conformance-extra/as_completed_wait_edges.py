# as_completed and wait, the finer points: the i-th awaitable returned gives the i-th result
# whichever is awaited first; exceptions come in completion order; awaiting them from several
# tasks, one of them cancelled while it waits; a timeout leaves the originals running;
# duplicates count once; wait on already-done tasks, wait cancelled (the tasks go on),
# FIRST_EXCEPTION when a task has already failed, timeout 0.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

async def work(name, d, fail=False):
    await asyncio.sleep(d)
    if fail:
        raise ValueError(name)
    return name

def task(name, d, fail=False):
    return asyncio.create_task(work(name, d, fail), name=name)

def names(s):
    return fmt(sorted(t.get_name() for t in s))

async def main():
    futs = list(asyncio.as_completed([task("slow", 0.2), task("fast", 0.1)]))
    print("count", len(futs))
    print("second awaited first", fmt(await futs[1]), T())
    print("then the first", fmt(await futs[0]), T())

    for f in asyncio.as_completed([task("x", 0.3), task("y", 0.1, True), task("z", 0.2, True)]):
        try:
            print("got", fmt(await f), T())
        except ValueError as e:
            print("raised", fmt(e), T())

    futs = list(asyncio.as_completed([task("p", 0.5), task("q", 1.0)]))
    async def consumer(label, f):
        try:
            print(label, "got", fmt(await f), T())
        except asyncio.CancelledError:
            print(label, "cancelled", T())
            raise
    c1 = asyncio.create_task(consumer("c1", futs[0]))
    c2 = asyncio.create_task(consumer("c2", futs[1]))
    await asyncio.sleep(0.2)
    c1.cancel()
    await asyncio.wait([c1, c2])
    print("consumers done", T())

    slow = task("late", 2)
    for f in asyncio.as_completed([task("early", 0.5), slow], timeout=1):
        try:
            print("got", fmt(await f), T())
        except asyncio.TimeoutError:
            print("timed out", T(), "late cancelled", slow.cancelled())
    print("late still finishes", fmt(await slow), T())

    t = task("dup", 0.1)
    results = [await f for f in asyncio.as_completed([t, t, task("other", 0.2)])]
    print("duplicates", fmt(results), T())

    done, pending = await asyncio.wait([t, t])
    print("already done", names(done), names(pending), T())

    a = task("a", 1)
    b = task("b", 3)
    async def waiter():
        return await asyncio.wait([a, b])
    w = asyncio.create_task(waiter())
    await asyncio.sleep(0.5)
    w.cancel()
    try:
        await w
    except asyncio.CancelledError:
        print("wait cancelled", T(), "a cancelled", a.cancelled(), "b cancelled", b.cancelled())
    print("a", fmt(await a), T())

    bad = task("bad", 0, True)
    await asyncio.sleep(0)
    done, pending = await asyncio.wait([b, bad], return_when=asyncio.FIRST_EXCEPTION)
    print("failed before", names(done), names(pending), T())

    done, pending = await asyncio.wait([b], timeout=0)
    print("timeout 0", names(done), names(pending), T())
    done, pending = await asyncio.wait([b], timeout=-1)
    print("timeout -1", names(done), names(pending), T())

    c = task("c", 0.1)
    d = task("d", 0.1)
    done, pending = await asyncio.wait([c, d], return_when=asyncio.FIRST_COMPLETED)
    print("same iteration", names(done), names(pending), T())
    print("b", fmt(await b), T())

loop.run_until_complete(main())
loop.close()
