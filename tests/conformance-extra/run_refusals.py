# What asyncio.run() and Runner refuse, and that nothing is left broken afterwards: run()
# from inside a running loop (RuntimeError, the coroutine never starts), run() of what is
# not a coroutine (ValueError), Runner.run() from inside its own loop, a closed Runner
# (RuntimeError "Runner is closed"), and a Runner closed twice (fine).
import asyncio
from vloop import VirtualLoop, fmt, ename

def T(): return "%.3f" % asyncio.get_running_loop().time()

async def inner():
    print("inner ran")
    return "inner"

async def main():
    coro = inner()
    try:
        asyncio.run(coro)
    except RuntimeError as e:
        print("nested run:", fmt(e))
    coro.close()
    await asyncio.sleep(0.1)
    print("main still runs", T())
    return "main"

print("run ->", fmt(asyncio.run(main(), loop_factory=VirtualLoop)))
for bad in (1, None):
    try:
        asyncio.run(bad)
    except ValueError as e:
        print("run(%r):" % (bad,), ename(e))

runner = asyncio.Runner(loop_factory=VirtualLoop)
async def recurse():
    c = inner()
    try:
        runner.run(c)
    except RuntimeError as e:
        print("recursive Runner.run:", fmt(e))
    c.close()
    return "outer"
print("runner ->", fmt(runner.run(recurse())))
print("runner again ->", fmt(runner.run(inner())))
runner.close()
runner.close()
for what, call in (("run", lambda: runner.run(inner())), ("get_loop", runner.get_loop)):
    try:
        c = call()
    except RuntimeError as e:
        print("closed runner", what + ":", fmt(e))
