# A timeout around a shielded task: the deadline cancels the waiting task, not the shielded
# one, which finishes later and keeps its result. Several tasks, each with its own timeout,
# gathered: each expires on its own, the others go on. A timeout in a finally block of a
# cancelled task (cleanup with a time limit) and a timeout entered after the task swallowed a
# cancellation.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

async def work(name, d):
    try:
        await asyncio.sleep(d)
    except asyncio.CancelledError:
        print("  ", name, "cancelled", T())
        raise
    print("  ", name, "done", T())
    return name

async def limited(name, limit, d):
    try:
        async with asyncio.timeout(limit):
            return await work(name, d)
    except TimeoutError:
        return name + " timed out"

async def cleanup_with_limit():
    try:
        await asyncio.sleep(10)
    finally:
        print("  cleaning up", T())
        try:
            async with asyncio.timeout(0.5):
                await work("cleanup", 2)
        except TimeoutError:
            print("  cleanup timed out", T())

async def main():
    print("shield:")
    inner = asyncio.create_task(work("shielded", 2))
    try:
        async with asyncio.timeout(1):
            await asyncio.shield(inner)
    except TimeoutError:
        print("  TimeoutError", T(), "inner done", inner.done())
    print("  inner ->", fmt(await inner), T())
    print("gather of timed tasks:")
    print("  ->", await asyncio.gather(limited("a", 1, 0.5), limited("b", 0.75, 3), limited("c", 2, 1.5)), T())
    print("cleanup with a time limit:")
    t = asyncio.create_task(cleanup_with_limit())
    await asyncio.sleep(1)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("  task cancelled", t.cancelled(), T())
    print("after a swallowed cancel:")
    me = asyncio.current_task()
    me.cancel()
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("  swallowed", T(), "cancelling", me.cancelling())
    print("  ->", await limited("d", 0.5, 1), T(), "cancelling", me.cancelling())

loop.run_until_complete(main())
loop.close()
