# a timeout budget shared across steps: deadline = loop.time() + budget, each step gets
# wait_for(step(), deadline - loop.time()); the remaining budget shrinks with every step;
# the step that overruns gets TimeoutError and its cleanup runs; a step reached with the
# budget already spent (remaining <= 0) is started as a Task and cancelled before it ever
# runs; a call_at() watchdog near the deadline reports (a past one fires at once); a step
# that catches its cancellation and returns a fallback value makes wait_for return it.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

class BudgetExceeded(Exception): pass

async def step(name, d, fallback=None):
    print("    step", name, "starts", T())
    try:
        await asyncio.sleep(d)
    except asyncio.CancelledError:
        print("    step", name, "interrupted", T())
        if fallback is not None:
            await asyncio.sleep(0.05)
            return fallback
        raise
    return name + " ok"

async def pipeline(label, budget, steps, watchdog_slack):
    deadline = loop.time() + budget
    wd = loop.call_at(deadline + watchdog_slack, print, "  watchdog", label, "fired")
    out = []
    try:
        for spec in steps:
            remaining = deadline - loop.time()
            print("  %s: %.3f left before %s" % (label, remaining, spec[0]))
            try:
                out.append(await asyncio.wait_for(step(*spec), remaining))
            except TimeoutError:
                raise BudgetExceeded("%s: budget %.2f spent at %s" % (label, budget, spec[0]))
        return out
    finally:
        print("  %s: watchdog cancelled=%s" % (label, wd.cancelled()), T())
        wd.cancel()

async def main():
    for label, budget, steps, slack in [
        ("fits", 1.0, [("a", 0.21), ("b", 0.33), ("c", 0.12)], 0.01),
        ("overrun", 0.6, [("a", 0.25), ("b", 0.5), ("c", 0.1)], 0.03),
        ("spent", 0, [("a", 0.4), ("b", 0.01)], -0.1),
        ("fallback", 0.5, [("a", 0.3), ("b", 0.4, "b cached"), ("c", 0.05)], 0.03),
        ("fallback-last", 0.5, [("a", 0.3), ("b", 0.4, "b cached")], 0.09),
    ]:
        try:
            print(label, "->", fmt(await pipeline(label, budget, steps, slack)), T())
        except BudgetExceeded as e:
            print(label, "->", fmt(e), T())
        await asyncio.sleep(0.2)
    print("end", T())

loop.run_until_complete(main())
loop.close()
