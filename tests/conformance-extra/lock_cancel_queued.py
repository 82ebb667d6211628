# Lock: a waiter cancelled while queued never takes the lock and release() skips it; a
# waiter woken by release() and cancelled before it ran hands the lock on to the next one;
# when every queued waiter is cancelled, a newcomer takes the lock without waiting.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

def state(p):
    return repr(p).split("[")[1][:-2]

async def user(name, lock, hold):
    try:
        await lock.acquire()
    except asyncio.CancelledError:
        print(name, "cancelled while waiting", T(), "locked", lock.locked())
        raise
    print(name, "got lock", T())
    await asyncio.sleep(hold)
    lock.release()
    print(name, "released", T())
    return name

async def main():
    lock = asyncio.Lock()
    await lock.acquire()
    a = loop.create_task(user("a", lock, 0.25))
    b = loop.create_task(user("b", lock, 0.5))
    c = loop.create_task(user("c", lock, 0.125))
    await asyncio.sleep(0)
    print("queued", state(lock))
    b.cancel()
    await asyncio.sleep(0)
    print("after b cancelled", state(lock))
    lock.release()
    print("released, a woken", state(lock))
    print("cancel a:", a.cancel())
    res = await asyncio.gather(a, b, c, return_exceptions=True)
    print("results", fmt(res), T(), state(lock))
    await lock.acquire()
    w = [loop.create_task(lock.acquire()) for _ in range(2)]
    await asyncio.sleep(0)
    for t in w:
        t.cancel()
    lock.release()
    print("released with cancelled waiters", state(lock))
    print("newcomer acquires", await lock.acquire(), T(), state(lock))
    await asyncio.gather(*w, return_exceptions=True)
    print("end", state(lock), fmt([t.cancelled() for t in w]))

loop.run_until_complete(main())
loop.close()
