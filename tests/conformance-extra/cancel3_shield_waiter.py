# shield and cancellation, iteration by iteration: a task cancelled while it awaits
# shield(job) gets CancelledError (with the first message) in the next iteration while the
# job goes on; it can then await the job itself and gets its result; a shield whose inner
# task is cancelled directly ends the waiter's await with an empty CancelledError, and the
# waiter is not "cancelling" and may go on; a shielded coroutine outlives its waiter.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

async def reporter(label, n):
    for i in range(n):
        print("   ", label, i, T())
        await asyncio.sleep(0)

async def job(name, d):
    try:
        await asyncio.sleep(d)
    except asyncio.CancelledError as e:
        print("  job", name, "cancelled", fmt(e), T())
        raise
    print("  job", name, "done", T())
    return name.upper()

async def guarded(t):
    me = asyncio.current_task()
    try:
        return await asyncio.shield(t)
    except asyncio.CancelledError as e:
        print("  guarded caught", fmt(e), "cancelling", me.cancelling(), "job done", t.done(), T())
        r = await t
        print("  guarded then awaited job ->", fmt(r), "cancelling", me.cancelling(), T())
        raise

async def waiter2(j):
    me = asyncio.current_task()
    try:
        return await asyncio.shield(j)
    except asyncio.CancelledError as e:
        print("  waiter2 caught", fmt(e), "cancelling", me.cancelling(), T())
    await asyncio.sleep(0.125)
    return "recovered"

async def waiter3():
    try:
        return await asyncio.shield(job("c", 0.5))
    except asyncio.CancelledError as e:
        print("  waiter3 caught", fmt(e), T())
        raise

async def main():
    j = asyncio.create_task(job("a", 1))
    g = asyncio.create_task(guarded(j))
    await asyncio.sleep(0.5)
    asyncio.create_task(reporter("r1", 3))
    print("cancel guarded", g.cancel("stop"), "again", g.cancel("other"), "cancelling", g.cancelling())
    await asyncio.sleep(0)
    print("main after one step: guarded done", g.done(), "job done", j.done())
    try:
        await g
    except asyncio.CancelledError as e:
        print("main: guarded ->", fmt(e), "cancelled", g.cancelled(), T())
    print("job a result", fmt(j.result()))

    j = asyncio.create_task(job("b", 1))
    w = asyncio.create_task(waiter2(j))
    await asyncio.sleep(0.25)
    asyncio.create_task(reporter("r2", 5))
    print("cancel job b", j.cancel("direct"))
    r = await w
    print("waiter2 ->", fmt(r), "cancelled", w.cancelled(), "job cancelled", j.cancelled(), T())

    w = asyncio.create_task(waiter3())
    await asyncio.sleep(0)
    asyncio.create_task(reporter("r3", 3))
    print("cancel waiter3", w.cancel("bye"))
    try:
        await w
    except asyncio.CancelledError as e:
        print("waiter3 ->", fmt(e), T())
    await asyncio.sleep(1)
    print("end", T())

loop.run_until_complete(main())
loop.close()
