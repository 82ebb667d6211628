# Barrier with wait_for: a party that times out while the barrier fills leaves it (n_waiting
# drops by one) and the barrier still needs the full count; a timeout that fires after the
# barrier tripped does not undo the pass. The docs' example is repeated with a timer.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

def state(p):
    return repr(p).split("[")[1][:-2]

async def party(b, name, delay, timeout):
    await asyncio.sleep(delay)
    try:
        i = await asyncio.wait_for(b.wait(), timeout)
    except TimeoutError:
        print(name, "timed out", T(), state(b))
        return None
    print(name, "passed as", i, T(), state(b))
    return i

async def main():
    b = asyncio.Barrier(3)
    ts = [loop.create_task(party(b, "a", 0.0, 0.5)), loop.create_task(party(b, "b", 0.125, 2)),
          loop.create_task(party(b, "c", 0.75, 2)), loop.create_task(party(b, "d", 1.25, 0.3))]
    res = await asyncio.gather(*ts)
    print("results", fmt(res), T(), state(b))

loop.run_until_complete(main())
loop.close()
