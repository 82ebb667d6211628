# Lock with wait_for: waiters that time out leave the queue with TimeoutError and never get
# the lock; the others still get it in FIFO order when the holder releases. A zero timeout
# cancels the acquire before it starts (3.12 wraps the coroutine in a task), even on a free lock.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

def state(p):
    return repr(p).split("[")[1][:-2]

async def main():
    lock = asyncio.Lock()
    await lock.acquire()
    async def waiter(name, timeout):
        try:
            await asyncio.wait_for(lock.acquire(), timeout)
        except TimeoutError:
            print(name, "timed out", T(), state(lock))
            return name + ":timeout"
        print(name, "got lock", T())
        await asyncio.sleep(0.1)
        lock.release()
        return name + ":ok"
    ts = [loop.create_task(waiter("a", 0.5)), loop.create_task(waiter("b", 2.0)),
          loop.create_task(waiter("c", 0.75)), loop.create_task(waiter("d", 1.05))]
    await asyncio.sleep(1)
    print("main releases", T(), state(lock))
    lock.release()
    print("results", fmt(await asyncio.gather(*ts)), T(), state(lock))
    try:
        print("zero timeout, free lock:", await asyncio.wait_for(lock.acquire(), 0))
    except TimeoutError:
        print("zero timeout, free lock: TimeoutError", state(lock))
    await lock.acquire()
    try:
        await asyncio.wait_for(lock.acquire(), 0)
    except TimeoutError:
        print("zero timeout, held lock: TimeoutError", state(lock))
    lock.release()
    print("end", state(lock), T())

loop.run_until_complete(main())
loop.close()
