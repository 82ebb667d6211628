# Event: a waiter cancelled in the same iteration as set() (before or after it) raises
# CancelledError, while the others return True; a waiter that caught the cancellation can
# wait again and returns at once since the flag is set. Iterations counted by a ticker.
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

async def w(ev, name, log):
    try:
        await ev.wait()
    except asyncio.CancelledError:
        log.append("%s cancelled at %d" % (name, it[0]))
        r = await ev.wait()
        log.append("%s waited again: %s at %d" % (name, r, it[0]))
        return "again"
    log.append("%s woke at %d" % (name, it[0]))
    return "woke"

async def main():
    loop.call_soon(tick)
    ev = asyncio.Event()
    log = []
    ts = [loop.create_task(w(ev, n, log)) for n in ("a", "b", "c")]
    await asyncio.sleep(0)
    print("waiting at", it[0], state(ev))
    ts[0].cancel()
    ev.set()
    ts[2].cancel()
    print("cancel a, set, cancel c", state(ev))
    res = await asyncio.gather(*ts)
    print("log", fmt(log))
    print("results", fmt(res), state(ev))

loop.run_until_complete(main())
loop.close()
