# producer/consumer built from bare Futures (no Queue): consumers wait for items with
# wait_for(chan.get(), t); a timed-out get cancels its waiter Future, which the producer then
# skips; idle consumers give up after two timeouts; a sentinel per consumer ends the rest;
# gather collects what each consumer processed.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

class Channel:
    def __init__(self):
        self.items = []
        self.waiters = []
    def put(self, item):
        while self.waiters:
            w = self.waiters.pop(0)
            if w.cancelled():
                print("  put", item, "skips a cancelled waiter", T())
                continue
            w.set_result(item)
            return
        self.items.append(item)
    async def get(self):
        if self.items:
            return self.items.pop(0)
        fut = loop.create_future()
        self.waiters.append(fut)
        return await fut

async def producer(chan, plan, nconsumers):
    for delay, item in plan:
        await asyncio.sleep(delay)
        print("produce", item, T())
        chan.put(item)
    for _ in range(nconsumers):
        chan.put(None)
    print("producer done", T())
    return len(plan)

async def consumer(name, chan, timeout, work):
    got, idle = [], 0
    while True:
        try:
            item = await asyncio.wait_for(chan.get(), timeout)
        except TimeoutError:
            idle += 1
            print("  ", name, "idle", idle, T())
            if idle == 2:
                return (name, got, "gave up")
            continue
        if item is None:
            return (name, got, "sentinel")
        idle = 0
        print("  ", name, "got", item, T())
        await asyncio.sleep(work)
        got.append(item)

async def main():
    chan = Channel()
    plan = [(0.1, "a"), (0.05, "b"), (0.02, "c"), (0.6, "d"), (0.13, "e"), (1.4, "f")]
    cs = [asyncio.create_task(consumer(n, chan, t, w)) for n, t, w in
          [("c1", 0.45, 0.21), ("c2", 0.33, 0.07), ("c3", 0.72, 0.11)]]
    p = asyncio.create_task(producer(chan, plan, len(cs)))
    res = await asyncio.gather(p, *cs)
    for r in res[1:]:
        print(r[0], fmt(r[1]), r[2])
    print("produced", res[0], "left in channel", fmt(chan.items), "waiters", len(chan.waiters), T())

loop.run_until_complete(main())
loop.close()
