# Lock races from CPython's test_locks: a queued waiter cancelled in the same iteration as the
# holder releases (the wake-up skips it), a cancel and a release from one callback (exactly
# one task takes the lock), and a waiter cancelled just before a release while a new task is
# about to acquire (the newcomer gets it; the cancelled one never does).
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

def state(p):
    return repr(p).split("[")[1][:-2]

async def lockit(name, lock, blocker, log):
    await lock.acquire()
    log.append(name)
    try:
        if blocker is not None:
            await blocker
    finally:
        lock.release()

async def race1():
    lock = asyncio.Lock()
    log = []
    fa = loop.create_future()
    ta = loop.create_task(lockit("A", lock, fa, log))
    await asyncio.sleep(0)
    tb = loop.create_task(lockit("B", lock, None, log))
    await asyncio.sleep(0)
    tc = loop.create_task(lockit("C", lock, None, log))
    await asyncio.sleep(0)
    print("race1 waiters", state(lock))
    fa.set_result(None)
    tb.cancel()
    await asyncio.sleep(0)
    print("race1 after one step", lock.locked(), ta.done(), tb.cancelled(), fmt(log))
    await tc
    print("race1 end", fmt(log), state(lock))

async def race2():
    lock = asyncio.Lock()
    counts = [0, 0]
    async def lockit2():
        counts[0] += 1
        await lock.acquire()
        counts[1] += 1
    def trigger():
        t1.cancel()
        lock.release()
    await lock.acquire()
    t1 = loop.create_task(lockit2())
    t2 = loop.create_task(lockit2())
    t3 = loop.create_task(lockit2())
    await asyncio.sleep(0)
    loop.call_soon(trigger)
    try:
        await t1
    except asyncio.CancelledError:
        print("race2 t1 cancelled")
    print("race2", counts[0], "calls", counts[1], "taken", t2.done(), t3.done(), state(lock))
    t3.cancel()
    await asyncio.sleep(0)
    print("race2 t3 cancelled", t3.cancelled(), state(lock))

async def race3():
    lock = asyncio.Lock()
    await lock.acquire()
    tb = loop.create_task(lock.acquire())
    await asyncio.sleep(0)
    tc = loop.create_task(lock.acquire())
    tb.cancel()
    lock.release()
    await asyncio.sleep(0)
    print("race3", lock.locked(), tb.cancelled(), tc.done(), state(lock))
    print("race3 tc", await tc, state(lock))

async def main():
    await race1()
    await race2()
    await race3()

loop.run_until_complete(main())
loop.close()
