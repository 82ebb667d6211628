# Queue(maxsize=2), iteration by iteration (a ticking callback): put() completes without an
# iteration while there is room; a put() on a full queue waits and is woken by get_nowait()
# (CPython's test_maxsize); get() on a non-empty queue takes no iteration; the repr shows
# items, waiting putters/getters and unfinished tasks.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

it = [0]
def tick():
    it[0] += 1
    loop.call_soon(tick)

def info(q):
    return str(q)[len(type(q).__name__) + 2:-1]

async def main():
    loop.call_soon(tick)
    await asyncio.sleep(0)
    q = asyncio.Queue(maxsize=2)
    print("new", info(q), q.maxsize, q.empty(), q.full())
    have_been_put = []
    async def putter():
        for i in range(3):
            print("put", i, "at", it[0])
            await q.put(i)
            have_been_put.append(i)
            print("put", i, "done at", it[0], info(q))
        return True
    t = loop.create_task(putter())
    for i in range(2):
        await asyncio.sleep(0)
    print("putter blocked", fmt(have_been_put), info(q), q.full())
    print("get", await q.get(), "at", it[0], info(q))
    await asyncio.sleep(0)
    print("putter resumed", fmt(have_been_put), info(q))
    print("get", await q.get(), await q.get(), "at", it[0], info(q))
    print("putter", await t, info(q))
    g = loop.create_task(q.get())
    await asyncio.sleep(0)
    print("getter waiting", info(q))
    q.put_nowait("x")
    print("put_nowait wakes it", info(q))
    print("getter got", fmt(await g), "at", it[0], info(q))
    for _ in range(4):
        q.task_done()
    print("all done", info(q))

loop.run_until_complete(main())
loop.close()
