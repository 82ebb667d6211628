# A Queue is bound to the loop of its first wait (a get or put that had to wait): on another
# loop, put_nowait/get_nowait and non-waiting get/put still work, a get that would wait is a
# RuntimeError, and the queue stays usable on its own loop.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

def info(q):
    return str(q)[len(type(q).__name__) + 2:-1]

q = asyncio.Queue(maxsize=1)

async def first():
    g = loop.create_task(q.get())
    await asyncio.sleep(0)
    await q.put("one")
    print("first loop got", fmt(await g), info(q))

async def second():
    await q.put("two")
    print("second loop put", info(q))
    print("second loop get", fmt(await q.get()), info(q))
    try:
        await q.get()
    except RuntimeError as e:
        print("get that must wait:", ename(e), "bound to a different event loop" in str(e), info(q))
    q.put_nowait("three")
    try:
        await q.put("four")
    except RuntimeError as e:
        print("put that must wait:", ename(e), info(q))

loop.run_until_complete(first())
loop2 = VirtualLoop()
loop2.run_until_complete(second())
loop2.close()

async def again():
    p = loop.create_task(q.put("five"))
    await asyncio.sleep(0)
    print("first loop", fmt(await q.get()), fmt(await q.get()), info(q))
    await p

loop.run_until_complete(again())
loop.close()
