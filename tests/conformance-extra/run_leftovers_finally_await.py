# asyncio.run() on a virtual-time loop: main returns while three tasks are still pending;
# run() cancels them all, lets their finally blocks await (a sleep, a nested task) and waits
# for them, then closes the loop and returns main's value. A leftover that catches the
# cancellation and returns a value is not reported. (Nothing prints at the cancel itself:
# run() cancels in all_tasks() order, which is a set's.)
import asyncio
from vloop import VirtualLoop, fmt, ename

def T(): return "%.3f" % asyncio.get_running_loop().time()

async def flush(name):
    await asyncio.sleep(0.2)
    print("   ", name, "flushed", T())

async def worker(name, cleanup):
    try:
        await asyncio.sleep(100)
    except asyncio.CancelledError as e:
        # (no print here: run() cancels in all_tasks() order, a set's order)
        if cleanup == "swallow":
            await asyncio.sleep(0.05)
            print(name, "swallows the cancel", fmt(e), T())
            return "partial"
        raise
    finally:
        if cleanup == "sleep":
            await asyncio.sleep(0.1)
            print(name, "slept in finally", T())
        elif cleanup == "task":
            await asyncio.create_task(flush(name))
            print(name, "awaited a task in finally", T())

async def main():
    global the_loop
    the_loop = asyncio.get_running_loop()
    asyncio.create_task(worker("w-sleep", "sleep"))
    asyncio.create_task(worker("w-task", "task"))
    asyncio.create_task(worker("w-swallow", "swallow"))
    await asyncio.sleep(1)
    print("main returns", T())
    return "main result"

print("run ->", fmt(asyncio.run(main(), loop_factory=VirtualLoop)))
print("loop closed:", the_loop.is_closed(), "time", "%.3f" % the_loop.time())
