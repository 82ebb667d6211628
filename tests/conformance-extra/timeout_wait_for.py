# wait_for on top of timeouts (3.12's wait_for is itself a timeout around the await). wait_for
# shorter than an enclosing timeout: wait_for's TimeoutError, caught inside the block, which
# goes on. An enclosing timeout shorter than wait_for: the timeout's TimeoutError, wait_for sees
# a cancellation that is not its own. A timeout inside the coroutine wait_for runs: whichever is
# shorter wins. wait_for of a Task with a timeout inside it. Each result with cancelling().
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
    return name

async def timed_work(name, limit, d):
    async with asyncio.timeout(limit):
        return await work(name, d)

async def attempt(label, coro):
    try:
        r = await coro
        print(label, "->", fmt(r), T(), "cancelling", asyncio.current_task().cancelling())
    except TimeoutError:
        print(label, "-> TimeoutError", T(), "cancelling", asyncio.current_task().cancelling())

async def wait_for_in_timeout(wf, to):
    async with asyncio.timeout(to):
        try:
            return await asyncio.wait_for(work("w", 5), wf)
        except TimeoutError:
            print("  wait_for timed out inside the block", T())
        return await work("after", 0.5)

async def main():
    await attempt("wait_for 1 inside timeout 3", wait_for_in_timeout(1, 3))
    await attempt("wait_for 3 inside timeout 1", wait_for_in_timeout(3, 1))
    await attempt("wait_for 1 of a coroutine with timeout 2", asyncio.wait_for(timed_work("x", 2, 5), 1))
    await attempt("wait_for 2 of a coroutine with timeout 1", asyncio.wait_for(timed_work("y", 1, 5), 2))
    await attempt("wait_for 2 of a coroutine with timeout 1, in time", asyncio.wait_for(timed_work("z", 1, 0.5), 2))
    t = asyncio.create_task(timed_work("task", 1, 5))
    await attempt("wait_for 2 of a task with timeout 1", asyncio.wait_for(t, 2))
    t = asyncio.create_task(timed_work("task2", 2, 5))
    await attempt("wait_for 1 of a task with timeout 2", asyncio.wait_for(t, 1))
    print("task2 cancelled", t.cancelled())

loop.run_until_complete(main())
loop.close()
