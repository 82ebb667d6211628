# a rate limiter from sleep() and loop.time(): at most `rate` calls per second, spaced
# evenly; callers reserve the next slot and sleep until it; a caller cancelled while waiting
# gives its slot back only if it is still the last one; a burst allowance lets the first
# calls through at once; the log shows when each call really ran.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

class RateLimiter:
    def __init__(self, rate, burst=1):
        self.interval = 1.0 / rate
        self.burst = burst
        self.next_slot = loop.time() - (burst - 1) * self.interval
    async def acquire(self, who):
        now = loop.time()
        base = max(self.next_slot, now - (self.burst - 1) * self.interval)
        slot = max(now, base)
        self.next_slot = base + self.interval
        delay = slot - now
        print("  %s reserves +%.3f" % (who, delay), T())
        try:
            if delay > 0:
                await asyncio.sleep(delay)
        except asyncio.CancelledError:
            if abs(self.next_slot - (base + self.interval)) < 1e-9:
                self.next_slot = base
                print("  %s returns its slot" % who, T())
            raise

log = []

async def call_api(limiter, who, work):
    await limiter.acquire(who)
    start = loop.time()
    log.append((who, "%.3f" % start))
    await asyncio.sleep(work)
    return "%s:%.3f" % (who, start)

async def main():
    lim = RateLimiter(rate=4)
    tasks = [asyncio.create_task(call_api(lim, "r%d" % i, 0.01 * (i + 1))) for i in range(5)]
    res = await asyncio.gather(*tasks)
    print("round 1", fmt(res), T())

    await asyncio.sleep(0.61)
    lim = RateLimiter(rate=8, burst=3)
    tasks = [asyncio.create_task(call_api(lim, "b%d" % i, 0.02 + 0.003 * i)) for i in range(6)]
    await asyncio.sleep(0.2)
    tasks[5].cancel()
    print("cancel b4", tasks[4].cancel(), "b1", tasks[1].cancel())
    res = await asyncio.gather(*tasks, return_exceptions=True)
    print("round 2", fmt(res), T())
    late = await call_api(lim, "late", 0.03)
    print("late", late, T())
    print("log", fmt(log))

loop.run_until_complete(main())
loop.close()
