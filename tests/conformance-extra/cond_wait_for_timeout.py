# wait_for(cond.wait_for(predicate), t): the predicate is re-checked on each notification;
# on timeout the inner wait is cancelled, re-acquires the lock first, and TimeoutError
# reaches the caller holding the lock; a notification in the same iteration as the timeout
# loses to it (3.12's wait_for).
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

def state(p):
    return repr(p).split("[")[1][:-2]

async def main():
    cond = asyncio.Condition()
    value = [0]
    checks = []
    def pred():
        checks.append(value[0])
        return value[0] >= 3
    async def bump(times, pace):
        for _ in range(times):
            await asyncio.sleep(pace)
            async with cond:
                value[0] += 1
                cond.notify_all()
    b = loop.create_task(bump(2, 0.3))
    async with cond:
        try:
            await asyncio.wait_for(cond.wait_for(pred), 1.0)
        except TimeoutError:
            print("timed out", T(), "lock held:", cond.locked(), "checks", fmt(checks), state(cond))
    await b
    checks.clear()
    b = loop.create_task(bump(1, 0.5))
    async with cond:
        print("met:", await asyncio.wait_for(cond.wait_for(pred), 1.0), T(), fmt(checks))
    await b
    value[0] = 0
    checks.clear()
    def at_deadline():
        value[0] = 5
        cond._waiters[0].set_result(False)
    async with cond:
        loop.call_at(loop.time() + 0.5, at_deadline)
        try:
            await asyncio.wait_for(cond.wait_for(pred), 0.5)
            print("predicate won", T())
        except TimeoutError:
            print("same-iteration notify lost to the timeout", T(), fmt(checks), state(cond))

loop.run_until_complete(main())
loop.close()
