# Getters waiting on a PriorityQueue and a LifoQueue: each put wakes the oldest getter, which
# takes the smallest (or newest) item present when it runs, not necessarily the one whose
# put woke it; put_nowait of several items before the getters run hands them out in order.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

def info(q):
    return str(q)[len(type(q).__name__) + 2:-1]

async def getter(q, name, log):
    item = await q.get()
    log.append("%s<-%s" % (name, fmt(item)))
    return item

async def main():
    for cls in (asyncio.PriorityQueue, asyncio.LifoQueue):
        q = cls()
        log = []
        ts = [loop.create_task(getter(q, "g%d" % i, log)) for i in range(4)]
        await asyncio.sleep(0)
        print(cls.__name__, "waiting", info(q))
        q.put_nowait([5, "e"])
        q.put_nowait([1, "a"])
        print(cls.__name__, "two put", info(q))
        await asyncio.sleep(0)
        print(cls.__name__, fmt(log))
        q.put_nowait([3, "c"])
        await q.put([2, "b"])
        await asyncio.gather(*ts)
        print(cls.__name__, fmt(log), info(q))

loop.run_until_complete(main())
loop.close()
