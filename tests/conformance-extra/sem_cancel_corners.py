# Semaphore cancellation corners from CPython's test_locks: waiters cancelled before the
# release is handed out (the unit goes to the next live waiter: test_acquire_cancel_before_awoken,
# test_acquire_hang), a waiter woken and then cancelled gives its unit back to the next
# (test_acquire_no_hang), and a cancelled create_task(sem.acquire()) leaves no live waiter.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

def state(p):
    return repr(p).split("[")[1][:-2]

async def before_awoken():
    sem = asyncio.Semaphore(value=0)
    ts = [loop.create_task(sem.acquire()) for _ in range(4)]
    await asyncio.sleep(0)
    ts[0].cancel()
    ts[1].cancel()
    sem.release()
    print("before_awoken released", state(sem), sem._value)
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("before_awoken", fmt([t.done() for t in ts]), state(sem))
    ts[2].cancel()
    ts[3].cancel()
    await asyncio.sleep(0)
    print("before_awoken end", fmt([t.cancelled() for t in ts]), state(sem), sem._value)

async def hang():
    sem = asyncio.Semaphore(value=0)
    t1 = loop.create_task(sem.acquire())
    t2 = loop.create_task(sem.acquire())
    await asyncio.sleep(0)
    t1.cancel()
    sem.release()
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("hang", sem.locked(), t1.cancelled(), t2.done(), state(sem))

async def no_hang():
    sem = asyncio.Semaphore(1)
    async def c1():
        async with sem:
            await asyncio.sleep(0)
            print("c1 leaving", state(sem))
        print("c1 left, c2 woken", state(sem), sem._value)
        t2.cancel()
    async def c2():
        async with sem:
            print("c2 must not get here")
    t1 = loop.create_task(c1())
    t2 = loop.create_task(c2())
    r1, r2 = await asyncio.gather(t1, t2, return_exceptions=True)
    print("no_hang", fmt(r1), fmt(r2), state(sem), sem._value)
    print("acquire after:", await asyncio.wait_for(sem.acquire(), 1.0), state(sem))

async def task_cancel():
    sem = asyncio.Semaphore()
    await sem.acquire()
    acquire = loop.create_task(sem.acquire())
    loop.call_soon(acquire.cancel)
    try:
        await acquire
    except asyncio.CancelledError:
        print("task_cancel", acquire.cancelled(), sem.locked(), state(sem))

async def main():
    await before_awoken()
    await hang()
    await no_hang()
    await task_cancel()

loop.run_until_complete(main())
loop.close()
