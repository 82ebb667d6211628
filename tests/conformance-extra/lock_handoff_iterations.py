# Lock hand-off counted in loop iterations (a ticking callback): an uncontended acquire and
# async with complete without an iteration; release() wakes the first waiter, which takes
# the lock at its next step; a task that acquires after the release but before the woken
# waiter ran queues behind it (FIFO, no barging).
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

it = [0]
def tick():
    it[0] += 1
    loop.call_soon(tick)

def state(p):
    return repr(p).split("[")[1][:-2]

async def user(name, lock):
    print(name, "wants the lock at", it[0], state(lock))
    await lock.acquire()
    print(name, "got it at", it[0], state(lock))
    await asyncio.sleep(0)
    print(name, "releases at", it[0])
    lock.release()
    print(name, "after release", state(lock))
    return name

async def main():
    loop.call_soon(tick)
    await asyncio.sleep(0)
    lock = asyncio.Lock()
    print("fast acquire:", await lock.acquire(), "at", it[0], state(lock))
    lock.release()
    print("released:", state(lock))
    async with lock:
        print("async with at", it[0], state(lock))
    print("after async with at", it[0], state(lock))
    await lock.acquire()
    tasks = [loop.create_task(user(n, lock)) for n in ("a", "b")]
    await asyncio.sleep(0)
    print("main releases at", it[0], state(lock))
    lock.release()
    print("main released:", lock.locked(), state(lock))
    await lock.acquire()
    print("main got it back at", it[0], state(lock))
    lock.release()
    print("results", fmt(await asyncio.gather(*tasks)), "at", it[0], state(lock))

loop.run_until_complete(main())
loop.close()
