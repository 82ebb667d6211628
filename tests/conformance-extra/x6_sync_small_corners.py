# Small synchronisation corners: Barrier(1) passes at once with index 0 on every wait;
# Semaphore(0) blocks until released, and release() before any waiter lets the next acquire
# through without waiting; Queue(maxsize=-1) never fills; join() on a queue with nothing
# unfinished returns without waiting; Condition.wait_for whose predicate raises propagates
# the error with the lock held again; Event.set then clear in one iteration still wakes the
# waiter with True.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

async def main():
    b = asyncio.Barrier(1)
    print("barrier(1):", await b.wait(), await b.wait(), "n_waiting", b.n_waiting, "broken", b.broken)

    s = asyncio.Semaphore(0)
    print("sem(0) locked", s.locked())
    loop.call_later(0.5, s.release)
    await s.acquire()
    print("  acquired after release", T())
    s.release()
    print("  released early, locked", s.locked())
    await s.acquire()
    print("  acquired without waiting", T(), "locked", s.locked())

    q = asyncio.Queue(maxsize=-1)
    for i in range(100):
        q.put_nowait(i)
    print("queue(-1): full", q.full(), "qsize", q.qsize(), "maxsize", q.maxsize)
    q2 = asyncio.Queue()
    await q2.join()
    print("join on an idle queue returned", T())

    cond = asyncio.Condition()
    calls = [0]
    def pred():
        calls[0] += 1
        if calls[0] == 2:
            raise ValueError("pred")
        return False
    async def poke():
        await asyncio.sleep(0.25)
        async with cond:
            cond.notify()
    pt = asyncio.create_task(poke())
    async with cond:
        try:
            await cond.wait_for(pred)
        except ValueError as e:
            print("wait_for predicate raised", fmt(e), "locked", cond.locked(), "calls", calls[0], T())
    await pt

    ev = asyncio.Event()
    async def waiter():
        r = await ev.wait()
        print("  waiter woke", r, "is_set", ev.is_set(), T())
    wt = asyncio.create_task(waiter())
    await asyncio.sleep(0)
    ev.set()
    ev.clear()
    await wt

loop.run_until_complete(main())
loop.close()
