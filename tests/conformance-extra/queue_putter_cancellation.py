# Queue putters cancelled (CPython's test_put_cancel_drop, test_put_cancelled_race,
# test_cancelled_puts_not_being_held_in_self_putters, test_cancelled_put_silence_value_error_exception):
# a putter cancelled while queued is skipped and never puts; one woken by get_nowait() and
# cancelled before it ran wakes the next putter; cancelled putters leave no trace in _putters.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

def info(q):
    return str(q)[len(type(q).__name__) + 2:-1]

async def drop():
    q = asyncio.Queue(1)
    q.put_nowait(1)
    writer = loop.create_task(q.put(2))
    await asyncio.sleep(0)
    print("drop: writer waiting", info(q))
    print("drop: get_nowait", q.get_nowait(), info(q))
    writer.cancel()
    try:
        await writer
    except asyncio.CancelledError:
        print("drop: writer cancelled", info(q))
        writer = loop.create_task(q.put(2))
        await writer
    print("drop: then", q.get_nowait(), q.qsize(), info(q))

async def race():
    q = asyncio.Queue(maxsize=1)
    put_a = loop.create_task(q.put("a"))
    put_b = loop.create_task(q.put("b"))
    put_c = loop.create_task(q.put("X"))
    await asyncio.sleep(0)
    print("race:", put_a.done(), put_b.done(), put_c.done(), info(q))
    put_c.cancel()
    await asyncio.sleep(0)
    print("race: c cancelled", put_c.cancelled(), info(q))
    print("race: got", fmt(q.get_nowait()), info(q))
    await asyncio.sleep(0)
    print("race: got", fmt(q.get_nowait()), info(q))
    await put_b
    print("race: end", info(q))

async def woken_then_cancelled():
    q = asyncio.Queue(maxsize=1)
    q.put_nowait(0)
    p1 = loop.create_task(q.put(1))
    p2 = loop.create_task(q.put(2))
    await asyncio.sleep(0)
    print("woken: two putters", info(q))
    q.get_nowait()
    p1.cancel()
    await asyncio.sleep(0)
    print("woken: p1 cancelled", p1.cancelled(), "p2 done", p2.done(), info(q))
    await asyncio.sleep(0)
    print("woken: p2 done", p2.done(), "queue holds", q.get_nowait(), info(q))

async def main():
    await drop()
    await race()
    await woken_then_cancelled()

loop.run_until_complete(main())
loop.close()
