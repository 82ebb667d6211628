# Five workers each take a Lock three times, holding it across a sleep: FIFO hand-off makes
# them take turns in a fixed round-robin order; a sixth worker arriving mid-way joins the end
# of the line; a worker cancelled while queued drops out without disturbing the order.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

async def main():
    lock = asyncio.Lock()
    order = []
    async def worker(name, hold):
        for r in range(3):
            async with lock:
                order.append("%s%d" % (name, r))
                await asyncio.sleep(hold)
        return name
    ts = [loop.create_task(worker(n, 0.1 + 0.01 * i)) for i, n in enumerate("abcde")]
    await asyncio.sleep(0.25)
    ts.append(loop.create_task(worker("f", 0.05)))
    await asyncio.sleep(0.2)
    ts[2].cancel()
    res = await asyncio.gather(*ts, return_exceptions=True)
    print("order", " ".join(order))
    print("results", fmt(res), T(), lock.locked())

loop.run_until_complete(main())
loop.close()
