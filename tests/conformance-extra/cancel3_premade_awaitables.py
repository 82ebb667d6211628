# awaitables made before they are awaited, with cancellation and timeouts: a wait_for made
# early arms its timeout only when awaited; a sleep made early and awaited through
# wait_for counts from the await (so it times out); shield, gather and ensure_future of a
# sleep start it at the call (it is wrapped in a Task), so cancelling the waiter leaves it
# running on its original schedule; a premade wait_for awaited by a task cancelled with a
# message gives that message; a premade sleep(0) still gives way for exactly one iteration.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

async def reporter(label, n):
    for i in range(n):
        print("   ", label, i, T())
        await asyncio.sleep(0)

async def main():
    w = asyncio.wait_for(asyncio.sleep(5, "never"), 1)
    s = asyncio.sleep(1, "s")
    await asyncio.sleep(2)
    try:
        await w
    except TimeoutError:
        print("premade wait_for timed out at", T())
    try:
        print("premade sleep under wait_for ->", fmt(await asyncio.wait_for(s, 0.75)), T())
    except TimeoutError:
        print("premade sleep(1) under wait_for(0.75) timed out at", T())

    async def noisy(aw):
        r = await aw
        print("   shielded work finished", fmt(r), T())
        return r
    sh = asyncio.shield(noisy(asyncio.sleep(1, "shielded")))
    ga = asyncio.gather(asyncio.sleep(1.5, "gathered"))
    ef = asyncio.ensure_future(asyncio.sleep(0.5, "ensured"))
    await asyncio.sleep(0.25)
    async def waiter(name, aw):
        try:
            return await aw
        except asyncio.CancelledError as e:
            print("  ", name, "cancelled", fmt(e), T())
            raise
    ws = [asyncio.create_task(waiter(n, a)) for n, a in (("sh", sh), ("ga", ga), ("ef", ef))]
    await asyncio.sleep(0.125)
    for t, m in zip(ws, ("x1", "x2", "x3")):
        t.cancel(m)
    r = await asyncio.gather(*ws, return_exceptions=True)
    print("waiters:", fmt(r), T())
    print("ensured task cancelled with its waiter:", ef.cancelled(), "gather:", ga.cancelled(), ga.done())
    try:
        await ga
    except asyncio.CancelledError as e:
        print("gather ->", fmt(e))
    print("the shield itself is cancelled:", sh.cancelled(), T())
    await asyncio.sleep(1)
    print("after", T())

    pw = asyncio.wait_for(asyncio.sleep(2, "pw"), 1.5)
    t = asyncio.create_task(waiter("pw", pw))
    await asyncio.sleep(0.5)
    print("cancel pw waiter", t.cancel("stop pw"))
    try:
        await t
    except asyncio.CancelledError as e:
        print("pw ->", fmt(e), T())

    z = asyncio.sleep(0, "zero")
    asyncio.create_task(reporter("rep", 3))
    await asyncio.sleep(0)
    print("premade sleep(0) awaited", T())
    print("->", fmt(await z))
    print("after", T())
    await asyncio.sleep(0)
    print("end", T())

loop.run_until_complete(main())
loop.close()
