# fan-out/fan-in with as_completed() and a global timeout: results are handled in completion
# order as they arrive (a failure is logged, not fatal); when the global timeout hits, the
# handler stops, cancels the stragglers and collects their outcomes with gather; a second
# run where everything finishes in time; a consumer that is itself slow only sees the
# timeout after draining what had already arrived.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

async def fetch(url, d, fail=False):
    try:
        await asyncio.sleep(d)
    except asyncio.CancelledError:
        print("    fetch", url, "aborted", T())
        raise
    if fail:
        raise LookupError("404 " + url)
    return len(url) * 100

async def fan_out(label, jobs, timeout, think=0.0):
    tasks = [asyncio.create_task(fetch(*j), name=j[0]) for j in jobs]
    total, handled = 0, 0
    try:
        for fut in asyncio.as_completed(tasks, timeout=timeout):
            try:
                size = await fut
            except LookupError as e:
                print("  %s: error %s" % (label, fmt(e)), T())
            else:
                total += size
                print("  %s: got %d" % (label, size), T())
            handled += 1
            if think:
                await asyncio.sleep(think)
    except TimeoutError:
        print("  %s: global timeout after %d results" % (label, handled), T())
    stragglers = [t for t in tasks if not t.done()]
    for t in stragglers:
        t.cancel()
    outcomes = await asyncio.gather(*tasks, return_exceptions=True)
    print("  %s: outcomes" % label, fmt([o if isinstance(o, int) else ename(o) for o in outcomes]), T())
    return [total, len(stragglers)]

async def main():
    jobs = [("/a", 0.12), ("/bb", 0.5), ("/ccc", 0.31, True), ("/dddd", 0.95), ("/e", 0.07)]
    print("run1", fmt(await fan_out("run1", jobs, 0.6)), T())
    print("run2", fmt(await fan_out("run2", jobs[:3], 2.0)), T())
    print("run3", fmt(await fan_out("run3", jobs, 0.6, think=0.3)), T())

loop.run_until_complete(main())
loop.close()
