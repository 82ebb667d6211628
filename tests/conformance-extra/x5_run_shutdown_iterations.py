# What still runs while asyncio.run() and Runner.close() shut down: the closing sequence is
# three runs of the loop (cancel the leftovers and wait for them; shutdown_asyncgens();
# shutdown_default_executor()), so a chain of call_soon callbacks started by main, and a
# task a leftover starts in its cleanup, get a fixed number of iterations before the loop
# closes. Between two Runner.run() calls nothing is shut down: the chain (of at most 21
# links) goes on only while a run runs.
import asyncio
from vloop import VirtualLoop, fmt, ename

def chain(tag, n):
    print("  ", tag, "link", n)
    if n < 20:
        asyncio.get_running_loop().call_soon(chain, tag, n + 1)

async def ticker(tag):
    try:
        for i in range(12):
            print("  ", tag, "tick", i)
            await asyncio.sleep(0)
        print("  ", tag, "finished")
    except asyncio.CancelledError:
        print("  ", tag, "cancelled")
        raise

async def leftover():
    try:
        await asyncio.sleep(100)
    finally:
        print("  leftover cleanup starts a new task")
        asyncio.get_running_loop().create_task(ticker("late"))
        await asyncio.sleep(0)
        print("  leftover cleanup done")

async def chain_main(tag):
    asyncio.get_running_loop().call_soon(chain, tag, 0)
    return tag

async def leftover_main():
    asyncio.create_task(leftover())
    await asyncio.sleep(0)
    print("  main returns")
    return "main result"

async def step(tag):
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    return tag

def vloop():
    return VirtualLoop()

print("run(chain_main) ->", asyncio.run(chain_main("run"), loop_factory=vloop))
print("run(leftover_main) ->", asyncio.run(leftover_main(), loop_factory=vloop))

runner = asyncio.Runner(loop_factory=vloop)
print("runner.run ->", runner.run(chain_main("runner")))
print("runner.run ->", runner.run(step("second")))
runner.close()
print("closed")
