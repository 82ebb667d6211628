# Queue getters cancelled (CPython's test_get_cancelled_race, test_get_cancel_drop_one_pending_reader
# and _many_pending_readers): a getter cancelled while waiting is skipped; one woken by
# put_nowait() and cancelled before it ran wakes the next getter, so no item is lost and each
# item goes to exactly one getter; a wait_for(get) that times out leaves no getter behind.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

def info(q):
    return str(q)[len(type(q).__name__) + 2:-1]

async def race():
    q = asyncio.Queue()
    t1 = loop.create_task(q.get())
    t2 = loop.create_task(q.get())
    await asyncio.sleep(0)
    t1.cancel()
    await asyncio.sleep(0)
    print("race: t1 done", t1.done(), info(q))
    await q.put("a")
    await asyncio.sleep(0)
    print("race: t2 got", fmt(await t2), info(q))

async def drop_one():
    q = asyncio.Queue()
    reader = loop.create_task(q.get())
    await asyncio.sleep(0)
    q.put_nowait(1)
    q.put_nowait(2)
    reader.cancel()
    try:
        await reader
    except asyncio.CancelledError:
        print("drop_one: reader cancelled", info(q))
        reader = loop.create_task(q.get())
        await reader
    print("drop_one: got", reader.result(), info(q))

async def drop_many():
    q = asyncio.Queue()
    readers = [loop.create_task(q.get()) for _ in range(3)]
    await asyncio.sleep(0)
    q.put_nowait(1)
    q.put_nowait(2)
    print("drop_many: two put", info(q))
    readers[0].cancel()
    try:
        await readers[0]
    except asyncio.CancelledError:
        print("drop_many: reader0 cancelled", info(q))
    res = await asyncio.gather(readers[1], readers[2])
    print("drop_many:", fmt(res), info(q))

async def timeouts():
    q = asyncio.Queue(maxsize=5)
    try:
        await asyncio.wait_for(q.get(), 0.1)
    except TimeoutError:
        print("timeouts: get timed out", T(), len(q._getters))
    async def late_put():
        await asyncio.sleep(0.25)
        q.put_nowait("late")
    p = loop.create_task(late_put())
    print("timeouts: waited get", fmt(await asyncio.wait_for(q.get(), 1)), T(), info(q))
    await p

async def main():
    await race()
    await drop_one()
    await drop_many()
    await timeouts()

loop.run_until_complete(main())
loop.close()
