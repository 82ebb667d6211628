# Deadlines that are due at once: timeout(0), timeout(-1), timeout_at(now), timeout_at(past).
# The timeout fires at the next iteration, so a block that awaits anything (sleep(0), a done
# future's wait) raises TimeoutError, while a block that never awaits ends normally and the
# timeout is not expired. timeout(None) / timeout_at(None) never fire; when() shows each.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()
def W(w): return "None" if w is None else "%.3f" % w

async def no_await():
    return "no await"

async def sleep0():
    await asyncio.sleep(0)
    return "slept 0"

async def long():
    await asyncio.sleep(3)
    return "slept 3"

async def attempt(label, cm, body):
    try:
        async with cm:
            r = await body()
        print(label, "->", fmt(r), T(), "when", W(cm.when()), "expired", cm.expired())
    except TimeoutError:
        print(label, "-> TimeoutError", T(), "when", W(cm.when()), "expired", cm.expired())

async def main():
    await asyncio.sleep(10)
    loop = asyncio.get_running_loop()
    for body in (no_await, sleep0, long):
        name = body.__name__
        await attempt("timeout(0) " + name, asyncio.timeout(0), body)
        await attempt("timeout(-1) " + name, asyncio.timeout(-1), body)
        await attempt("timeout_at(now) " + name, asyncio.timeout_at(loop.time()), body)
        await attempt("timeout_at(past) " + name, asyncio.timeout_at(loop.time() - 5), body)
        await attempt("timeout(None) " + name, asyncio.timeout(None), body)
        await attempt("timeout_at(None) " + name, asyncio.timeout_at(None), body)

loop.run_until_complete(main())
loop.close()
