# Conditions sharing one Lock: async with either holds the same lock; a notify on one wakes
# only its own waiters. wait_for(cond.wait(), t) that times out still returns with the lock
# held (CPython's test_timeout_in_block), and a later notify skips the timed-out waiter.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

def state(p):
    return repr(p).split("[")[1][:-2]

async def main():
    lock = asyncio.Lock()
    a = asyncio.Condition(lock)
    b = asyncio.Condition(lock)
    async with a:
        print("a held:", lock.locked(), b.locked(), state(b))
    print("released:", lock.locked(), state(a))
    async def waiter(cond, name):
        async with cond:
            await cond.wait()
            print(name, "woken", T())
        return name
    ta = loop.create_task(waiter(a, "on-a"))
    tb = loop.create_task(waiter(b, "on-b"))
    await asyncio.sleep(0)
    print("waiting", state(a), state(b))
    async with b:
        b.notify()
    await asyncio.sleep(0.125)
    print("after notifying b", ta.done(), tb.done(), state(a), state(b))
    async with a:
        a.notify()
    print(fmt(await asyncio.gather(ta, tb)), T())
    cond = asyncio.Condition()
    async with cond:
        try:
            await asyncio.wait_for(cond.wait(), 0.5)
        except TimeoutError:
            print("timed out holding the lock:", cond.locked(), T(), state(cond))
    t = loop.create_task(waiter(cond, "late"))
    await asyncio.sleep(0)
    async with cond:
        cond.notify()
        print("notify after timeout", state(cond))
    print(await t, T(), state(cond))

loop.run_until_complete(main())
loop.close()
