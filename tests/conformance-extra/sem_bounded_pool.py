# A connection pool on BoundedSemaphore(2): at most two workers hold a unit at a time, the
# others wait in arrival order; workers time out waiting with wait_for; releasing past the
# initial value raises ValueError and changes nothing; async with releases on error.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

def state(p):
    return repr(p).split("[")[1][:-2]

async def worker(sem, name, work, patience, active, peak):
    try:
        await asyncio.wait_for(sem.acquire(), patience)
    except TimeoutError:
        print(name, "gave up", T(), state(sem))
        return name + ":gave up"
    try:
        active[0] += 1
        peak[0] = max(peak[0], active[0])
        print(name, "working", T(), "active", active[0])
        await asyncio.sleep(work)
        if name == "e":
            raise ValueError("bad job")
        return name + ":done"
    finally:
        active[0] -= 1
        sem.release()

async def main():
    sem = asyncio.BoundedSemaphore(2)
    try:
        sem.release()
    except ValueError as e:
        print("release past the bound:", fmt(e), state(sem))
    active, peak = [0], [0]
    jobs = [("a", 1.0, 5), ("b", 0.5, 5), ("c", 0.75, 5), ("d", 0.25, 0.6), ("e", 0.125, 5), ("f", 0.3, 1.1)]
    ts = []
    for name, work, patience in jobs:
        ts.append(loop.create_task(worker(sem, name, work, patience, active, peak)))
        await asyncio.sleep(0.01)
    res = await asyncio.gather(*ts, return_exceptions=True)
    print("results", fmt(res), T(), "peak", peak[0], state(sem))
    async with sem:
        async with sem:
            print("both units held", state(sem))
    try:
        sem.release()
    except ValueError:
        print("still bounded", state(sem))

loop.run_until_complete(main())
loop.close()
