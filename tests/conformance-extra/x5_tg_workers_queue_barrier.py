# Workers in a TaskGroup around shared primitives. One worker fails while the others are
# blocked in Queue.get(), Lock acquisition and Barrier.wait(): they are cancelled out of
# those waits, the lock held by a cancelled worker is released by its `async with`, and
# afterwards the queue, the lock and the barrier are usable with no stale waiters
# (the barrier's count went back down; a new round of parties fills it). Each cancelled
# worker sleeps a little before it reports, so the trace does not depend on the order of
# the group's set of tasks.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

async def main():
    q = asyncio.Queue()
    lock = asyncio.Lock()
    barrier = asyncio.Barrier(3)

    async def getter():
        try:
            return await q.get()
        except asyncio.CancelledError:
            await asyncio.sleep(0.01)
            print("  getter cancelled in get()", T())
            raise

    async def holder():
        async with lock:
            try:
                await asyncio.sleep(10)
            except asyncio.CancelledError:
                await asyncio.sleep(0.02)
                print("  holder cancelled holding the lock", T())
                raise

    async def locker():
        await asyncio.sleep(0.5)
        try:
            async with lock:
                print("  locker got the lock (never)")
        except asyncio.CancelledError:
            await asyncio.sleep(0.03)
            print("  locker cancelled waiting for the lock", T())
            raise

    async def party(n):
        try:
            return await barrier.wait()
        except asyncio.CancelledError:
            await asyncio.sleep(0.03 + 0.01 * n)
            print("  party", n, "cancelled at the barrier", T(), "n_waiting", barrier.n_waiting)
            raise

    async def failer():
        await asyncio.sleep(1)
        print("  failer raises", T(), "barrier", barrier.n_waiting, "waiting; lock", lock.locked())
        raise ValueError("worker failed")

    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(getter())
            tg.create_task(holder())
            tg.create_task(locker())
            tg.create_task(party(1))
            tg.create_task(party(2))
            tg.create_task(failer())
    except ExceptionGroup as eg:
        print("group:", [fmt(e) for e in eg.exceptions], T())

    print("after: lock", lock.locked(), "barrier", barrier.n_waiting, barrier.broken, "queue", q.qsize())
    q.put_nowait("x")
    print("get_nowait", q.get_nowait())
    async with lock:
        print("lock acquired again", T())
    res = await asyncio.gather(*(barrier.wait() for _ in range(3)))
    print("barrier round", sorted(res), T())

loop.run_until_complete(main())
loop.close()
