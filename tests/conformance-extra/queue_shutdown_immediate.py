# Queue.shutdown(immediate=True) (3.13): the items left are dropped and count as done, so a
# pending join() returns; getters raise QueueShutDown at once, blocked putters are woken to
# raise it; unfinished tasks of items already got still need task_done() (which then cannot
# go below zero). Shutting down twice is harmless.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

def info(q):
    return str(q)[len(type(q).__name__) + 2:-1]

async def main():
    q = asyncio.Queue(maxsize=3)
    for i in range(3):
        q.put_nowait(i)
    putters = [loop.create_task(q.put(10 + i)) for i in range(2)]
    await asyncio.sleep(0)
    item = await q.get()
    await asyncio.sleep(0)
    print("got", item, info(q))
    j = loop.create_task(q.join())
    await asyncio.sleep(0)
    q.shutdown(immediate=True)
    print("shutdown(immediate)", info(q), q.qsize())
    await asyncio.sleep(0)
    print("join done?", j.done())
    res = await asyncio.gather(*putters, return_exceptions=True)
    print("putters", fmt(res), info(q))
    try:
        await q.get()
    except asyncio.QueueShutDown:
        print("get: QueueShutDown", info(q))
    q.task_done()
    await asyncio.sleep(0)
    print("after task_done, join done?", j.done(), info(q))
    try:
        q.task_done()
    except ValueError as e:
        print("task_done again:", fmt(e))
    q.shutdown(immediate=True)
    q.shutdown()
    print("shut down twice", info(q))

loop.run_until_complete(main())
loop.close()
