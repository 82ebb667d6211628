# Semaphore cancellation corners from CPython's test_locks: waiters cancelled in the same
# iteration as a release (the unit goes to the next live waiter), a waiter woken by release
# and cancelled before it ran (the unit is passed on, nothing hangs), cancelling a task that
# has just acquired (it keeps no unit it cannot release), and locked()/_value style state
# printed after every step.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)

def state(sem, ts):
    return "locked=%s %s" % (sem.locked(), " ".join(
        "%s:%s" % (n, "C" if t.cancelled() else "D" if t.done() else "P") for n, t in ts))

async def main():
    print("cancel before awoken:")
    sem = asyncio.Semaphore(0)
    ts = [("t%d" % i, asyncio.create_task(sem.acquire())) for i in range(1, 5)]
    await asyncio.sleep(0)
    ts[0][1].cancel()
    ts[1][1].cancel()
    sem.release()
    print(" ", state(sem, ts))
    await asyncio.sleep(0)
    print(" ", state(sem, ts))
    await asyncio.sleep(0)
    print(" ", state(sem, ts))
    ts[2][1].cancel()
    ts[3][1].cancel()
    await asyncio.sleep(0)
    print(" ", state(sem, ts))

    print("woken then cancelled:")
    sem = asyncio.Semaphore(0)
    ts = [("a", asyncio.create_task(sem.acquire())), ("b", asyncio.create_task(sem.acquire()))]
    await asyncio.sleep(0)
    sem.release()
    ts[0][1].cancel()
    print(" ", state(sem, ts))
    await asyncio.sleep(0)
    print(" ", state(sem, ts))
    await asyncio.sleep(0)
    print(" ", state(sem, ts))
    sem.release()
    print("  after the holder's release:", sem.locked())

    print("no hang:")
    sem = asyncio.Semaphore(1)
    t1 = asyncio.create_task(sem.acquire())
    t2 = asyncio.create_task(sem.acquire())
    await asyncio.sleep(0)
    t1.cancel()
    print("  t1 cancel after acquire ran:", t1.done(), fmt(t1.result()) if t1.done() and not t1.cancelled() else "")
    await asyncio.sleep(0)
    print("  t2 done", t2.done(), "locked", sem.locked())
    sem.release()
    await asyncio.sleep(0)
    print("  t2 done", t2.done(), "locked", sem.locked())

    print("release many, then waiters:")
    sem = asyncio.Semaphore(0)
    order = []
    async def user(n):
        await sem.acquire()
        order.append(n)
    us = [asyncio.create_task(user(i)) for i in range(4)]
    await asyncio.sleep(0)
    us[1].cancel()
    for _ in range(3):
        sem.release()
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("  order", order, "locked", sem.locked(), "cancelled", [u.cancelled() for u in us])

loop.run_until_complete(main())
loop.close()
