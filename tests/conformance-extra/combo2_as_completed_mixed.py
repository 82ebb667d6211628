# as_completed in a realistic consumer: mixed durations, failures and a task cancelled by
# someone else come out in completion order; a slow consumer still gets, after the timeout,
# the results that arrived before it, and only then TimeoutError; an empty batch gives no
# items (no error); tasks with their own wait_for inside; a failed future already done.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

async def job(name, d, fail=False):
    await asyncio.sleep(d)
    if fail:
        raise ValueError(name)
    return name

async def bounded(name, d, limit):
    try:
        return await asyncio.wait_for(job(name, d), limit)
    except TimeoutError:
        return name + " (gave up)"

async def consume(label, fs, timeout=None, pause=0):
    for f in asyncio.as_completed(fs, timeout=timeout):
        try:
            print(label, "->", fmt(await f), T())
        except ValueError as e:
            print(label, "-> raised", fmt(e), T())
        except asyncio.CancelledError as e:
            print(label, "-> CancelledError", fmt(e), T())
        except TimeoutError:
            print(label, "-> TimeoutError", T())
        if pause:
            await asyncio.sleep(pause)

async def main():
    ts = [asyncio.create_task(job(n, d, f)) for n, d, f in
          [("a", 0.4, False), ("b", 0.1, True), ("c", 0.3, False), ("d", 0.6, False)]]
    loop.call_later(0.2, ts[3].cancel, "not needed")
    await consume("mixed", ts)

    ts = [asyncio.create_task(job(n, d)) for n, d in [("e", 0.1), ("f", 0.15), ("g", 3)]]
    await consume("slow consumer", ts, timeout=0.5, pause=0.45)
    print("g cancelled", ts[2].cancelled(), T())
    await ts[2]

    await consume("empty", [])
    await consume("empty with timeout", [], timeout=1)
    print("after empty", T())

    ts = [asyncio.create_task(bounded(n, d, 0.5)) for n, d in [("h", 0.9), ("i", 0.2)]]
    await consume("bounded", ts, timeout=2)

    bad = loop.create_future()
    bad.set_exception(ValueError("precomputed"))
    await consume("done first", [bad, asyncio.create_task(job("j", 0.1))])

loop.run_until_complete(main())
loop.close()
