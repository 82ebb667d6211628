# shields combined with gather, wait_for and other shields: two waiters each with their own
# shield of one job (cancelling one leaves the other waiting); shield(shield(job)); the
# shield future itself cancelled; gather(shield(a), b) cancelled (a goes on, b is cancelled,
# the gather raises once b is done); wait_for(gather(shield(a), shield(b)), t) timing out
# leaves both jobs running; a task awaiting wait_for(shield(job), None) cancelled from
# outside gets CancelledError (not TimeoutError) and then collects the job's result.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

async def job(name, d):
    try:
        await asyncio.sleep(d)
    except asyncio.CancelledError as e:
        print("  job", name, "cancelled", fmt(e), T())
        raise
    print("  job", name, "done", T())
    return name

async def waiter(name, aw):
    try:
        r = await aw
        print("  waiter", name, "->", fmt(r), T())
        return r
    except BaseException as e:
        print("  waiter", name, "raised", fmt(e), T())
        raise

async def settle(t):
    try:
        return fmt(await t)
    except BaseException as e:
        return "raised " + fmt(e)

async def main():
    j = asyncio.create_task(job("j", 1))
    w1 = asyncio.create_task(waiter("w1", asyncio.shield(j)))
    w2 = asyncio.create_task(waiter("w2", asyncio.shield(j)))
    w3 = asyncio.create_task(waiter("w3", asyncio.shield(asyncio.shield(j))))
    await asyncio.sleep(0.25)
    print("cancel w1", w1.cancel("w1 off"), "cancel w3", w3.cancel("w3 off"))
    print("w1:", await settle(w1), "w3:", await settle(w3), T())
    print("w2:", await settle(w2), "j:", await settle(j), T())

    j = asyncio.create_task(job("k", 1))
    s = asyncio.shield(j)
    w = asyncio.create_task(waiter("ws", s))
    await asyncio.sleep(0.25)
    print("cancel the shield itself", s.cancel("shield off"), "job cancelled", j.cancelled())
    print("ws:", await settle(w), "k:", await settle(j), T())

    a = asyncio.create_task(job("a", 1))
    b = asyncio.create_task(job("b", 2))
    g = asyncio.gather(asyncio.shield(a), b)
    w = asyncio.create_task(waiter("wg", g))
    await asyncio.sleep(0.5)
    print("cancel gather waiter", w.cancel("g off"))
    print("wg:", await settle(w), "a done", a.done(), "b cancelled", b.cancelled(), T())
    print("a:", await settle(a), T())

    a = asyncio.create_task(job("a2", 1))
    b = asyncio.create_task(job("b2", 1.5))
    w = asyncio.create_task(waiter("wfg", asyncio.wait_for(asyncio.gather(asyncio.shield(a), asyncio.shield(b)), 0.5)))
    print("wfg:", await settle(w), "a2 done", a.done(), "b2 done", b.done(), T())
    print("a2:", await settle(a), "b2:", await settle(b), T())

    j = asyncio.create_task(job("m", 1))
    async def collector():
        try:
            return await asyncio.wait_for(asyncio.shield(j), None)
        except asyncio.CancelledError as e:
            print("  collector cancelled", fmt(e), "job done", j.done(), T())
            r = await j
            print("  collector collected", fmt(r), T())
            return "late " + r
    c = asyncio.create_task(collector())
    await asyncio.sleep(0.5)
    print("cancel collector", c.cancel("c off"))
    print("collector:", await settle(c), "cancelled", c.cancelled(), T())

loop.run_until_complete(main())
loop.close()
