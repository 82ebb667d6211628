# Condition.wait_for(predicate): the predicate is checked first (a truthy value returns at once,
# lock or not) and after each notification with the lock held; its last value is the result.
# wait() and notify() without the lock are RuntimeErrors, and the condition stays usable.
# A producer/consumer pair on one condition.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

def state(p):
    return repr(p).split("[")[1][:-2]

async def main():
    cond = asyncio.Condition()
    print("truthy at once, no lock:", fmt(await cond.wait_for(lambda: "ready")), state(cond))
    try:
        await cond.wait_for(lambda: 0)
    except RuntimeError as e:
        print("falsy without the lock:", fmt(e))
    try:
        await cond.wait()
    except RuntimeError as e:
        print("wait without the lock:", fmt(e))
    for f in (cond.notify, cond.notify_all):
        try:
            f()
        except RuntimeError as e:
            print("notify without the lock:", fmt(e))
    items = []
    checks = [0]
    def pred():
        checks[0] += 1
        return items.pop(0) if items else None
    async def consumer(name):
        async with cond:
            item = await cond.wait_for(pred)
            print(name, "got", item, T(), "checks", checks[0])
            return item
    async def producer():
        for i, d in enumerate((0.25, 0.5, 0.75)):
            await asyncio.sleep(d)
            async with cond:
                if i == 1:
                    cond.notify_all()
                    print("spurious notify_all", T())
                    continue
                items.append("item%d" % i)
                cond.notify()
                print("put item%d" % i, T(), state(cond))
        await asyncio.sleep(0.5)
        async with cond:
            items.append("last")
            cond.notify()
    res = await asyncio.gather(consumer("c1"), consumer("c2"), consumer("c3"), producer())
    print("results", fmt(res), T(), state(cond))

loop.run_until_complete(main())
loop.close()
