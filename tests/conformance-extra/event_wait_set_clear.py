# Event: set() wakes every waiter; a task that waits on an event already set returns in the
# same step (CPython's test_wait order [3, 1, 2]); clear() right after set() still lets the
# woken waiters through; a cancelled waiter leaves the list; wait() returns True.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

def state(p):
    return repr(p).split("[")[1][:-2]

async def c(ev, n, result):
    if await ev.wait():
        result.append(n)
    return n

async def main():
    ev = asyncio.Event()
    print("new", state(ev), ev.is_set())
    result = []
    t1 = loop.create_task(c(ev, 1, result))
    t2 = loop.create_task(c(ev, 2, result))
    await asyncio.sleep(0)
    print("waiting", state(ev), fmt(result))
    t3 = loop.create_task(c(ev, 3, result))
    ev.set()
    print("set", state(ev))
    await asyncio.sleep(0)
    print("after a step", fmt(result), state(ev))
    await asyncio.gather(t1, t2, t3)
    print("set again is a no-op", state(ev))
    ev.clear()
    t4 = loop.create_task(c(ev, 4, result))
    await asyncio.sleep(0)
    ev.set()
    ev.clear()
    print("set then clear", state(ev), ev.is_set())
    await asyncio.sleep(0)
    print("woken anyway", fmt(result), state(ev), t4.done())
    t5 = loop.create_task(ev.wait())
    t6 = loop.create_task(ev.wait())
    await asyncio.sleep(0)
    t5.cancel()
    await asyncio.sleep(0)
    print("one cancelled", state(ev), t5.cancelled())
    ev.set()
    print("t6", await t6, state(ev))

loop.run_until_complete(main())
loop.close()
