# a bounded fan-out without a queue: at most `limit` workers, refilled with
# wait(FIRST_COMPLETED); each worker retries with its own wait_for timeout; failures are
# collected, not raised; a total deadline (wait_for around the whole pool) cancels the
# workers still running through the pool's finally; a batch step with gather.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

async def fetch(url, d, fail):
    try:
        await asyncio.sleep(d)
    except asyncio.CancelledError:
        print("    fetch", url, "cancelled", T())
        raise
    if fail:
        raise ValueError(url)
    return url.upper()

async def fetch_with_retry(url, timeout, plan):
    for i, (d, fail) in enumerate(plan):
        try:
            return await asyncio.wait_for(fetch(url, d, fail), timeout)
        except TimeoutError:
            print("  ", url, "attempt", i, "timed out", T())
        except ValueError:
            print("  ", url, "attempt", i, "failed", T())
    raise ValueError(url + " exhausted")

async def pool(jobs, limit):
    running = set()
    results = {}
    todo = list(jobs)
    try:
        while todo or running:
            while todo and len(running) < limit:
                url, timeout, plan = todo.pop(0)
                print("  start", url, T())
                running.add(asyncio.create_task(fetch_with_retry(url, timeout, plan), name=url))
            done, running = await asyncio.wait(running, return_when=asyncio.FIRST_COMPLETED)
            for t in sorted(done, key=lambda t: t.get_name()):
                e = t.exception()
                results[t.get_name()] = fmt(e) if e is not None else t.result()
                print("  finished", t.get_name(), T())
        return results
    finally:
        for t in running:
            t.cancel()
        if running:
            await asyncio.wait(running)
            print("  pool cleaned up", len(running), "workers", T())

JOBS = [
    ("a", 0.5, [(0.2, False)]),
    ("b", 0.45, [(1, False), (0.3, False)]),
    ("c", 0.6, [(0.1, True), (0.12, True), (0.25, True)]),
    ("d", 0.7, [(0.35, False)]),
    ("e", 0.8, [(2, False), (0.05, False)]),
]

async def main():
    res = await pool(JOBS, 2)
    print("results", fmt(sorted(res.items())), T())

    start = loop.time()
    try:
        await asyncio.wait_for(pool(JOBS, 2), 1.1)
    except TimeoutError:
        print("deadline hit after", "%.3f" % (loop.time() - start))
    await asyncio.sleep(5)

    batch = await asyncio.gather(*(fetch_with_retry(u, t, p) for u, t, p in JOBS[:4]), return_exceptions=True)
    print("batch", fmt(batch), T())

loop.run_until_complete(main())
loop.close()
