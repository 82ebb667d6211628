# Condition: wait() releases the lock and blocks; notify(n) wakes up to n waiters in FIFO
# order (skipping those already woken); a woken waiter returns only once it holds the lock
# again, so the notifier's release decides when (CPython's test_wait, test_notify,
# test_notify_all). wait() returns True.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

def state(p):
    return repr(p).split("[")[1][:-2]

async def c(cond, n, result, release):
    await cond.acquire()
    if await cond.wait():
        result.append(n)
        if release:
            cond.release()
    return n

async def main():
    cond = asyncio.Condition()
    result = []
    ts = [loop.create_task(c(cond, n, result, False)) for n in (1, 2, 3)]
    await asyncio.sleep(0)
    print("all waiting", state(cond), fmt(result))
    print("acquire", await cond.acquire())
    cond.notify()
    await asyncio.sleep(0)
    print("notified 1, lock held", fmt(result), state(cond))
    cond.release()
    await asyncio.sleep(0)
    print("released", fmt(result), state(cond))
    cond.notify(2)
    await asyncio.sleep(0)
    print("notified 2, lock held by 1", fmt(result), state(cond))
    cond.release()
    await asyncio.sleep(0)
    print("released", fmt(result), state(cond))
    cond.release()
    await asyncio.sleep(0)
    print("released", fmt(result), state(cond))
    cond.release()
    print("tasks", fmt(await asyncio.gather(*ts)), state(cond))
    result.clear()
    ts = [loop.create_task(c(cond, n, result, True)) for n in (4, 5, 6, 7)]
    await asyncio.sleep(0)
    await cond.acquire()
    cond.notify(1)
    cond.notify(2048)
    cond.release()
    await asyncio.sleep(0)
    print("notify(1) then notify(2048)", fmt(result), state(cond))
    await asyncio.gather(*ts)
    ts = [loop.create_task(c(cond, n, result, True)) for n in (8, 9)]
    await asyncio.sleep(0)
    async with cond:
        cond.notify_all()
        print("notify_all", state(cond))
    await asyncio.sleep(0)
    print("after notify_all", fmt(result), state(cond))
    await asyncio.gather(*ts)

loop.run_until_complete(main())
loop.close()
