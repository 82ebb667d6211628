# 3.13's Queue.shutdown as a way to end consumers: blocked getters on an empty queue raise
# QueueShutDown as soon as shutdown() is called; with items left, consumers drain them first
# and only then get QueueShutDown; a producer blocked in put() on a full queue raises at
# shutdown and its item is not added; join() returns once the drained items are task_done;
# with immediate=True the remaining items are dropped, join() returns, and consumers that
# still hold an item can call task_done() for it.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

async def consumer(name, q, d):
    n = 0
    try:
        while True:
            item = await q.get()
            await asyncio.sleep(d)
            print("  ", name, "handled", item, T())
            q.task_done()
            n += 1
    except asyncio.QueueShutDown:
        print("  ", name, "saw QueueShutDown after", n, "items", T())
    return n

async def producer(q, items):
    try:
        for it in items:
            await q.put(it)
            print("   put", it, T())
    except asyncio.QueueShutDown:
        print("   producer: QueueShutDown while putting", it, T())

async def main():
    print("empty queue, blocked getters:")
    q = asyncio.Queue()
    cs = [asyncio.create_task(consumer("c%d" % i, q, 0.1)) for i in range(2)]
    await asyncio.sleep(1)
    q.shutdown()
    print("  ", await asyncio.gather(*cs))

    print("graceful with items and a blocked producer:")
    q = asyncio.Queue(maxsize=2)
    p = asyncio.create_task(producer(q, ["a", "b", "c", "d"]))
    await asyncio.sleep(0.5)
    q.shutdown()
    print("   qsize", q.qsize(), "full", q.full())
    j = asyncio.create_task(q.join())
    cs = [asyncio.create_task(consumer("d%d" % i, q, 0.3 + 0.2 * i)) for i in range(2)]
    await p
    print("  ", await asyncio.gather(*cs), "join done", j.done(), T())
    await j

    print("immediate with items in hand:")
    q = asyncio.Queue()
    for i in range(5):
        q.put_nowait(i)
    cs = [asyncio.create_task(consumer("e%d" % i, q, 1 + 0.5 * i)) for i in range(2)]
    j = asyncio.create_task(q.join())
    await asyncio.sleep(0.25)
    q.shutdown(immediate=True)
    print("   qsize", q.qsize(), "empty", q.empty())
    await asyncio.sleep(0)
    print("   join done", j.done())
    print("  ", await asyncio.gather(*cs), T())
    await asyncio.sleep(0)
    print("   join done", j.done())
    try:
        q.put_nowait(9)
    except asyncio.QueueShutDown as e:
        print("   put_nowait:", ename(e))

loop.run_until_complete(main())
loop.close()
