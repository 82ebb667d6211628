# Queue.shutdown() (3.13): put() and put_nowait() raise QueueShutDown at once; consumers keep
# getting the items left and get QueueShutDown once the queue is empty; a getter blocked on
# an empty queue is woken to raise it; join() still waits for task_done() of every item.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

def info(q):
    return str(q)[len(type(q).__name__) + 2:-1]

async def main():
    q = asyncio.Queue()
    for i in range(4):
        q.put_nowait(i)
    async def consumer(name, pace):
        got = []
        while True:
            try:
                item = await q.get()
            except asyncio.QueueShutDown:
                print(name, "sees shutdown", T(), info(q))
                return got
            got.append(item)
            await asyncio.sleep(pace)
            q.task_done()
    cs = [loop.create_task(consumer("c1", 0.3)), loop.create_task(consumer("c2", 0.7))]
    idle = loop.create_task(asyncio.Queue().get())
    await asyncio.sleep(0.1)
    q.shutdown()
    print("shut down", T(), info(q))
    try:
        q.put_nowait(9)
    except asyncio.QueueShutDown as e:
        print("put_nowait:", fmt(e))
    try:
        await q.put(9)
    except asyncio.QueueShutDown as e:
        print("put:", fmt(e))
    j = loop.create_task(q.join())
    res = await asyncio.gather(*cs)
    print("consumers", fmt(res), T(), info(q))
    await j
    print("joined", T(), info(q))
    e = asyncio.Queue()
    g = loop.create_task(e.get())
    await asyncio.sleep(0)
    print("blocked getter", info(e))
    e.shutdown()
    print("after shutdown", info(e))
    try:
        await g
    except asyncio.QueueShutDown:
        print("blocked getter raised QueueShutDown", T(), info(e))
    try:
        e.get_nowait()
    except asyncio.QueueShutDown:
        print("get_nowait on an empty shut-down queue: QueueShutDown")
    idle.cancel()

loop.run_until_complete(main())
loop.close()
