# Queue.get()/put()/join() are coroutines: calling get() without awaiting takes no item;
# create_task(q.get()) takes one at the task's first step; gather(q.get(), q.get()) wraps each
# in a task; put() into a queue with room and get() from a non-empty one take no iteration;
# float maxsize (1.3 holds two items), QueueEmpty and QueueFull.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

def info(q):
    return str(q)[len(type(q).__name__) + 2:-1]

it = [0]
def tick():
    it[0] += 1
    loop.call_soon(tick)

async def main():
    loop.call_soon(tick)
    q = asyncio.Queue()
    q.put_nowait("a")
    c = q.get()
    print("get() called, not awaited:", info(q))
    c.close()
    t = loop.create_task(q.get())
    print("task made:", info(q))
    await asyncio.sleep(0)
    print("task ran:", fmt(t.result()), info(q))
    g = asyncio.gather(q.get(), q.get())
    await asyncio.sleep(0)
    print("gather waiting", info(q))
    start = it[0]
    await q.put("x")
    await q.put("y")
    print("two puts took", it[0] - start, "iterations", info(q))
    print("gather", fmt(await g), info(q))
    await q.put("z")
    start = it[0]
    print("get", fmt(await q.get()), "took", it[0] - start, "iterations")
    start = it[0]
    for _ in range(4):
        q.task_done()
    await q.join()
    print("join took", it[0] - start, "iterations", info(q))
    try:
        q.get_nowait()
    except asyncio.QueueEmpty as e:
        print("get_nowait:", fmt(e))
    f = asyncio.Queue(maxsize=1.3)
    f.put_nowait(1)
    f.put_nowait(2)
    print("maxsize 1.3", f.full(), info(f))
    try:
        f.put_nowait(3)
    except asyncio.QueueFull as e:
        print("put_nowait:", fmt(e), info(f))
    neg = asyncio.Queue(maxsize=-1)
    for i in range(5):
        neg.put_nowait(i)
    print("maxsize -1 is unbounded", neg.full(), neg.qsize())

loop.run_until_complete(main())
loop.close()
