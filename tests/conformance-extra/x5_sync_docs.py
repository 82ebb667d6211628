# asyncio-sync.rst's examples run together: the Event waiter, a Lock shared by workers with
# `async with lock`, a Condition's producer/consumer with notify() and wait(), a
# Semaphore(2) limiting concurrent users, BoundedSemaphore refusing an extra release, and
# the acquire()/release() spelling of the Lock example.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

async def waiter(event):
    print('waiting for it ...', T())
    await event.wait()
    print('... got it!', T())

async def locked_worker(lock, name, d):
    async with lock:
        print(name, 'has the lock', T())
        await asyncio.sleep(d)
    print(name, 'released it', T())

async def consumer(cond, box, name):
    async with cond:
        while not box:
            await cond.wait()
        print(name, 'consumed', box.pop(0), T())

async def user(sem, name, d):
    async with sem:
        print(name, 'in, locked now', sem.locked(), T())
        await asyncio.sleep(d)
    print(name, 'out', T())

async def main():
    event = asyncio.Event()
    waiter_task = asyncio.create_task(waiter(event))
    await asyncio.sleep(1)
    event.set()
    await waiter_task

    lock = asyncio.Lock()
    await asyncio.gather(*(locked_worker(lock, n, d) for n, d in [("w1", 0.5), ("w2", 0.25), ("w3", 0.125)]))

    lock = asyncio.Lock()
    await lock.acquire()
    try:
        print('acquire/release spelling: locked', lock.locked())
    finally:
        lock.release()
    print('locked after release', lock.locked())

    cond = asyncio.Condition()
    box = []
    cs = [asyncio.create_task(consumer(cond, box, "c%d" % i)) for i in range(3)]
    await asyncio.sleep(0.5)
    for item in ["a", "b", "c"]:
        async with cond:
            box.append(item)
            cond.notify()
        await asyncio.sleep(0.25)
    await asyncio.gather(*cs)

    sem = asyncio.Semaphore(2)
    await asyncio.gather(*(user(sem, "u%d" % i, 0.3 + 0.1 * i) for i in range(4)))

    bsem = asyncio.BoundedSemaphore(1)
    async with bsem:
        pass
    try:
        bsem.release()
    except ValueError as e:
        print('BoundedSemaphore:', ename(e), e)

loop.run_until_complete(main())
loop.close()
