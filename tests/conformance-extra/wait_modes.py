# wait: ALL_COMPLETED, FIRST_COMPLETED, FIRST_EXCEPTION and timeout; done/pending sets.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

async def work(name, d, fail=False):
    await asyncio.sleep(d)
    if fail:
        raise ValueError(name)
    return name

def names(s):
    return fmt(sorted(t.get_name() for t in s))

async def main():
    ts = [asyncio.create_task(work(n, d), name=n) for n, d in [("a", 0.3), ("b", 0.1), ("c", 0.2)]]
    done, pending = await asyncio.wait(ts)
    print("all", names(done), names(pending), T())
    ts = [asyncio.create_task(work(n, d), name=n) for n, d in [("d", 0.3), ("e", 0.1), ("f", 0.2)]]
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_COMPLETED)
    print("first", names(done), names(pending), T())
    done, pending = await asyncio.wait(pending, timeout=0.15)
    print("timeout", names(done), names(pending), T())
    await asyncio.wait(pending)
    ts = [asyncio.create_task(work(n, d, f), name=n) for n, d, f in [("g", 0.3, False), ("h", 0.2, True), ("i", 0.1, False)]]
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_EXCEPTION)
    print("first exception", names(done), names(pending), T())
    for t in done:
        if t.exception() is not None:
            print("exception", t.get_name(), fmt(t.exception()))
    await asyncio.wait(pending)
    ts = [asyncio.create_task(work(n, d), name=n) for n, d in [("j", 0.2), ("k", 0.1)]]
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_EXCEPTION)
    print("first exception, none raised", names(done), names(pending), T())
    try:
        await asyncio.wait([])
    except ValueError as e:
        print("empty raised ValueError")

loop.run_until_complete(main())
loop.close()
