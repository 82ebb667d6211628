# Queue.shutdown (3.13) racing other operations in one iteration: a getter woken by
# put_nowait() and then shutdown(immediate=True) before it ran finds the queue drained and
# raises QueueShutDown; woken by put_nowait() and then a graceful shutdown() it still gets
# the item; a putter woken by get_nowait() and then shutdown() raises QueueShutDown; join()
# with items taken but not done survives an immediate shutdown of an empty queue until the
# task_done() calls; a getter cancelled in the same iteration as shutdown() is cancelled.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)

async def outcome(aw):
    try:
        return "result %r" % (await aw,)
    except asyncio.QueueShutDown:
        return "QueueShutDown"
    except asyncio.CancelledError:
        return "cancelled"

async def main():
    q = asyncio.Queue()
    g = asyncio.create_task(outcome(q.get()))
    await asyncio.sleep(0)
    q.put_nowait("x")
    q.shutdown(immediate=True)
    print("woken getter, then immediate:", await g, "qsize", q.qsize())

    q = asyncio.Queue()
    g = asyncio.create_task(outcome(q.get()))
    await asyncio.sleep(0)
    q.put_nowait("y")
    q.shutdown()
    print("woken getter, then graceful:", await g, "qsize", q.qsize())

    q = asyncio.Queue(1)
    q.put_nowait("full")
    p = asyncio.create_task(outcome(q.put("z")))
    await asyncio.sleep(0)
    print("get_nowait", q.get_nowait())
    q.shutdown()
    print("woken putter, then graceful:", await p, "qsize", q.qsize())

    q = asyncio.Queue()
    for i in range(3):
        q.put_nowait(i)
    taken = [q.get_nowait() for _ in range(3)]
    j = asyncio.create_task(outcome(q.join()))
    await asyncio.sleep(0)
    q.shutdown(immediate=True)
    await asyncio.sleep(0)
    print("join after immediate shutdown of an empty queue: done", j.done())
    for _ in taken:
        q.task_done()
    print("join after task_done x3:", await j)

    q = asyncio.Queue()
    gs = [asyncio.create_task(outcome(q.get())) for _ in range(3)]
    await asyncio.sleep(0)
    gs[1].cancel()
    q.shutdown()
    print("getters:", [await g for g in gs])
    try:
        q.get_nowait()
    except asyncio.QueueShutDown as e:
        print("get_nowait:", ename(e))

loop.run_until_complete(main())
loop.close()
