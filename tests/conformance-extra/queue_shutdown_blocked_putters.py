# Queue.shutdown() (3.13) with putters blocked on a full queue: each wakes and raises
# QueueShutDown (even when a get frees a slot in the same iteration); a putter woken by a
# get before the shutdown and not yet run also raises; the items already in the queue can
# still be got, then get raises.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

def info(q):
    return str(q)[len(type(q).__name__) + 2:-1]

async def putter(q, item):
    try:
        await q.put(item)
    except asyncio.QueueShutDown:
        print("putter", item, "QueueShutDown", T(), info(q))
        return "shutdown"
    print("putter", item, "put", T(), info(q))
    return "put"

async def main():
    q = asyncio.Queue(maxsize=1)
    q.put_nowait("first")
    ps = [loop.create_task(putter(q, i)) for i in range(3)]
    await asyncio.sleep(0.5)
    print("blocked", info(q))
    print("get", fmt(q.get_nowait()), info(q))
    q.shutdown()
    print("shut down", info(q))
    print("putters", fmt(await asyncio.gather(*ps)), T(), info(q))
    print("left:", fmt(await q.get()) if not q.empty() else "nothing", info(q))
    try:
        await q.get()
    except asyncio.QueueShutDown:
        print("then get raises", info(q))

loop.run_until_complete(main())
loop.close()
