# Condition (3.12): notify() wakes waiters that are not done yet, skipping cancelled ones;
# a waiter notified and then cancelled before it ran does not pass the notification on (3.12
# has no re-notify), so the next waiter stays asleep until another notify; wait_for cancelled
# while waiting still re-acquires the lock before CancelledError leaves it.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

def state(p):
    return repr(p).split("[")[1][:-2]

async def waiter(cond, name, log):
    async with cond:
        try:
            await cond.wait()
        except asyncio.CancelledError:
            log.append(name + ":cancelled:" + str(cond.locked()))
            raise
        log.append(name)
    return name

async def main():
    cond = asyncio.Condition()
    log = []
    ts = [loop.create_task(waiter(cond, n, log)) for n in ("w1", "w2", "w3", "w4")]
    await asyncio.sleep(0)
    ts[0].cancel()
    await asyncio.sleep(0)
    print("w1 cancelled", fmt(log), state(cond))
    async with cond:
        cond.notify()
        print("notify skips w1's gone waiter", state(cond))
    await asyncio.sleep(0)
    print("after one step", fmt(log), state(cond))
    async with cond:
        cond.notify()
        ts[2].cancel()
    await asyncio.sleep(0.1)
    print("w3 notified then cancelled", fmt(log), state(cond), ts[3].done())
    async with cond:
        cond.notify()
    await asyncio.sleep(0.1)
    print("another notify", fmt(log), state(cond))
    res = await asyncio.gather(*ts, return_exceptions=True)
    print("results", fmt(res))
    flag = []
    async def wf():
        async with cond:
            try:
                return await cond.wait_for(lambda: flag)
            finally:
                print("wait_for leaving, lock held:", cond.locked())
    t = loop.create_task(wf())
    await asyncio.sleep(0)
    async with cond:
        cond.notify()
        t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("wait_for cancelled", state(cond))

loop.run_until_complete(main())
loop.close()
