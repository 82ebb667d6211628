# Queue.join() and task_done(): join() on a queue with no unfinished task returns at once;
# otherwise it waits until task_done() was called for every item put, even after the items
# were all got; task_done() once too often is a ValueError that changes nothing; two workers
# drain a queue of 10 items (CPython's test_task_done).
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

def info(q):
    return str(q)[len(type(q).__name__) + 2:-1]

async def main():
    q = asyncio.Queue()
    await q.join()
    await q.join()
    print("join on an empty queue returned", T())
    try:
        q.task_done()
    except ValueError as e:
        print("task_done on nothing:", fmt(e), info(q))
    for i in range(10):
        q.put_nowait(i)
    total = [0]
    async def worker(name, pace):
        while True:
            item = await q.get()
            await asyncio.sleep(pace)
            total[0] += item
            q.task_done()
            print(name, "did", item, T(), info(q))
    async def joiner():
        await q.join()
        print("joined", T(), "total", total[0], info(q))
    ws = [loop.create_task(worker("w1", 0.3)), loop.create_task(worker("w2", 0.47))]
    j = loop.create_task(joiner())
    await j
    for w in ws:
        w.cancel()
    await asyncio.gather(*ws, return_exceptions=True)
    q.put_nowait("x")
    q.get_nowait()
    j2 = loop.create_task(q.join())
    await asyncio.sleep(0.5)
    print("join waits for task_done, not for get", j2.done(), info(q))
    q.task_done()
    await j2
    print("joined again", T(), info(q))

loop.run_until_complete(main())
loop.close()
