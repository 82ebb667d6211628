# Condition.wait() cancelled: while waiting for a notification (it re-acquires the lock, then
# raises CancelledError, so the lock is held when the error arrives); after being notified but
# while waiting for the lock (bpo-32841: cancelled, lock taken and released); notified and
# cancelled in the same iteration as the lock is released (CPython's
# test_wait_cancel_contested: no cancellation point is left, so wait() returns normally).
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

def state(p):
    return repr(p).split("[")[1][:-2]

async def case1():
    cond = asyncio.Condition()
    async def w():
        async with cond:
            try:
                return await cond.wait()
            except asyncio.CancelledError:
                print("case1 waiter cancelled, holds the lock:", cond.locked())
                raise
    t = loop.create_task(w())
    await asyncio.sleep(0)
    print("case1 waiting", state(cond))
    await cond.acquire()
    t.cancel()
    await asyncio.sleep(0)
    print("case1 cancel delivered, waiter wants the lock", state(cond))
    cond.release()
    try:
        await t
    except asyncio.CancelledError:
        print("case1 done", t.cancelled(), state(cond))

async def case2():
    cond = asyncio.Condition()
    waited = []
    async def wait_on_cond():
        async with cond:
            waited.append(True)
            await cond.wait()
    waiter = loop.create_task(wait_on_cond())
    await asyncio.sleep(0)
    await cond.acquire()
    cond.notify()
    await asyncio.sleep(0)
    print("case2 notified, waiter in acquire", state(cond))
    waiter.cancel()
    await asyncio.sleep(0)
    print("case2 cancel delivered", state(cond))
    cond.release()
    await asyncio.sleep(0)
    print("case2", waiter.cancelled(), fmt(waited), state(cond))

async def case3():
    cond = asyncio.Condition()
    await cond.acquire()
    wait_task = loop.create_task(cond.wait())
    await asyncio.sleep(0)
    print("case3 waiting", state(cond))
    await cond.acquire()
    cond.notify()
    loop.call_soon(wait_task.cancel)
    loop.call_soon(cond.release)
    try:
        print("case3 wait returned", await wait_task)
    except asyncio.CancelledError:
        print("case3 cancelled")
    print("case3", cond.locked(), state(cond))

async def main():
    await case1()
    await case2()
    await case3()

loop.run_until_complete(main())
loop.close()
