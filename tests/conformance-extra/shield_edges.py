# shield, the finer points: a done awaitable comes back as it is; the inner's result and
# exception pass through; the inner cancelled by other means cancels the shield; cancelling
# the shield leaves the inner running; shield around gather and gather of shields; a shielded
# coroutine runs in its own task and finishes after the waiter is cancelled.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

async def work(name, d, fail=False):
    try:
        await asyncio.sleep(d)
    except asyncio.CancelledError:
        print(name, "cancelled", T())
        raise
    if fail:
        raise ValueError(name)
    print(name, "finished", T())
    return name

async def main():
    done = loop.create_future()
    done.set_result("ready")
    print("done returned as is", asyncio.shield(done) is done)

    print("result", fmt(await asyncio.shield(work("r", 0.1))), T())
    try:
        await asyncio.shield(work("e", 0.1, True))
    except ValueError as e:
        print("exception", fmt(e), T())

    inner = asyncio.create_task(work("inner", 1))
    outer = asyncio.shield(inner)
    await asyncio.sleep(0.2)
    inner.cancel()
    try:
        await outer
    except asyncio.CancelledError:
        print("outer cancelled", outer.cancelled(), T())

    inner = asyncio.create_task(work("kept", 1))
    outer = asyncio.shield(inner)
    await asyncio.sleep(0.2)
    print("cancel shield", outer.cancel(), "inner done", inner.done())
    print("kept", fmt(await inner), T(), "outer cancelled", outer.cancelled())

    parent = asyncio.gather(work("g1", 0.3), work("g2", 0.5))
    outer = asyncio.shield(parent)
    await asyncio.sleep(0.1)
    outer.cancel()
    print("gather under shield", fmt(await parent), T())

    c1 = asyncio.create_task(work("c1", 0.3))
    c2 = asyncio.create_task(work("c2", 0.5))
    parent = asyncio.gather(asyncio.shield(c1), asyncio.shield(c2))
    await asyncio.sleep(0.1)
    parent.cancel()
    try:
        await parent
    except asyncio.CancelledError:
        print("gather of shields cancelled", T(), "children cancelled", c1.cancelled(), c2.cancelled())
    print("shielded children", fmt([await c1, await c2]), T())

    async def waiter():
        try:
            return await asyncio.shield(work("bg", 1))
        except asyncio.CancelledError:
            print("waiter cancelled", T())
            raise
    w = asyncio.create_task(waiter())
    await asyncio.sleep(0.5)
    w.cancel()
    try:
        await w
    except asyncio.CancelledError:
        pass
    await asyncio.sleep(1)
    print("end", T())

loop.run_until_complete(main())
loop.close()
