# Event with wait_for and timing: waiters with timeouts give up one by one (TimeoutError) and
# leave the waiter list; the event set by a timer wakes the rest at that time; wait() on a set
# event takes no loop iteration (counted by a ticking callback), even through wait_for.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

def state(p):
    return repr(p).split("[")[1][:-2]

it = [0]
def tick():
    it[0] += 1
    loop.call_soon(tick)

async def waiter(ev, name, timeout):
    try:
        await asyncio.wait_for(ev.wait(), timeout)
    except TimeoutError:
        print(name, "gave up", T(), state(ev))
        return False
    print(name, "saw the event", T())
    return True

async def main():
    ev = asyncio.Event()
    ts = [loop.create_task(waiter(ev, n, t)) for n, t in (("a", 0.5), ("b", 3), ("c", 1.25), ("d", None))]
    loop.call_later(2, ev.set)
    print("results", fmt(await asyncio.gather(*ts)), T(), state(ev))
    loop.call_soon(tick)
    await asyncio.sleep(0)
    start = it[0]
    await ev.wait()
    await ev.wait()
    print("waits on a set event took", it[0] - start, "iterations")
    start = it[0]
    await asyncio.wait_for(ev.wait(), 1)
    print("wait_for on a set event took", it[0] - start, "iterations")

loop.run_until_complete(main())
loop.close()
