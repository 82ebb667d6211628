# Queue: a getter woken by put_nowait() finds the item gone when it runs (another task took it
# with get_nowait() first) and goes back to waiting at the end of the line; the same for a
# putter whose freed slot is refilled by put_nowait(). No item is lost or duplicated.
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

async def putter(q, item, log):
    await q.put(item)
    log.append("put " + fmt(item))

async def main():
    q = asyncio.Queue()
    log = []
    g1 = loop.create_task(getter(q, "g1", log))
    g2 = loop.create_task(getter(q, "g2", log))
    await asyncio.sleep(0)
    q.put_nowait("x")
    print("woke g1, stolen:", fmt(q.get_nowait()), info(q))
    await asyncio.sleep(0)
    print("g1 waits again", fmt(log), info(q))
    q.put_nowait("y")
    await asyncio.sleep(0)
    print("after y", fmt(log), info(q))
    q.put_nowait("z")
    await asyncio.gather(g1, g2)
    print("getters", fmt(log), info(q))
    f = asyncio.Queue(maxsize=1)
    f.put_nowait("full")
    log.clear()
    p1 = loop.create_task(putter(f, "p1", log))
    p2 = loop.create_task(putter(f, "p2", log))
    await asyncio.sleep(0)
    f.get_nowait()
    f.put_nowait("refill")
    await asyncio.sleep(0)
    print("p1 woken, slot refilled", fmt(log), info(f))
    print("drain", fmt(f.get_nowait()), info(f))
    await asyncio.sleep(0)
    print("drain", fmt(f.get_nowait()), info(f))
    await asyncio.sleep(0)
    print("drain", fmt(f.get_nowait()), fmt(log), info(f))
    await asyncio.gather(p1, p2)

loop.run_until_complete(main())
loop.close()
