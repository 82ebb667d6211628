# One Runner, several runs on one loop: a task started by the first run keeps running during
# the second; every run's main task runs in the runner's one context, so a variable set by
# one run is seen by the next, unless a run is given its own context=; close() cancels what
# is still pending, waits for its cleanup and closes the loop.
import asyncio
import contextvars
from vloop import VirtualLoop, fmt, ename

def T(): return "%.3f" % asyncio.get_running_loop().time()

visits = contextvars.ContextVar("visits", default=0)

async def background():
    try:
        while True:
            await asyncio.sleep(0.3)
            print("  background tick, visits", visits.get(), T())
    finally:
        await asyncio.sleep(0.05)
        print("  background cleaned up", T())

async def visit(tag, d, spawn=False):
    n = visits.get() + 1
    visits.set(n)
    if spawn:
        asyncio.create_task(background())
    await asyncio.sleep(d)
    print(tag, "visit", n, "sees", visits.get(), T())
    return n

runner = asyncio.Runner(loop_factory=VirtualLoop)
loop = runner.get_loop()
print("first ->", runner.run(visit("first", 0.5, spawn=True)))
print("second ->", runner.run(visit("second", 0.5)))
ctx = contextvars.Context()
print("own context ->", runner.run(visit("own", 0.1), context=ctx), "ctx holds", ctx.get(visits))
print("third ->", runner.run(visit("third", 0.2)))
print("same loop:", runner.get_loop() is loop, "time %.3f" % loop.time())
runner.close()
print("closed:", loop.is_closed(), "time %.3f" % loop.time(), "outside visits", visits.get())
