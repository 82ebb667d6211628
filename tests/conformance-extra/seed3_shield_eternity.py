# The docs' wait_for(eternity(), timeout=1.0) and shield examples on virtual time: the
# timed-out coroutine sees CancelledError and the caller TimeoutError at 1.0; a Task given to
# wait_for ends cancelled; wait_for(shield(task)) times out but the task goes on; timeout None
# waits as long as needed; cancelling the waiter cancels the awaited task; a shielded caller
# cancelled gets CancelledError while something() completes, or res = None with try/except;
# something() cancelled by other means cancels the shield.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

async def eternity(tag):
    try:
        await asyncio.sleep(3600)
    except asyncio.CancelledError:
        print(tag, "eternity cancelled", T())
        raise
    print(tag, "yay!", T())
    return tag

async def something(tag, d):
    print(tag, "something starts", T())
    try:
        await asyncio.sleep(d)
    except asyncio.CancelledError:
        print(tag, "something cancelled", T())
        raise
    print(tag, "something done", T())
    return tag + "!"

async def main():
    print("-- wait_for(eternity(), 1.0)")
    try:
        await asyncio.wait_for(eternity("e1"), timeout=1.0)
    except TimeoutError as e:
        print("timeout!", ename(e), T())

    print("-- wait_for(task, 0.5): the task ends cancelled")
    t = asyncio.ensure_future(eternity("e2"))
    try:
        await asyncio.wait_for(t, 0.5)
    except TimeoutError as e:
        print("timeout!", ename(e), "task cancelled:", t.cancelled(), T())

    print("-- wait_for(shield(task), 0.25): the task goes on")
    t = asyncio.ensure_future(something("s1", 1.5))
    try:
        await asyncio.wait_for(asyncio.shield(t), 0.25)
    except TimeoutError as e:
        print("timeout!", ename(e), "task done:", t.done(), T())
    print("task result:", fmt(await t), T())

    print("-- timeout None, and a result in time")
    print("None:", fmt(await asyncio.wait_for(something("s2", 100), None)), T())
    print("in time:", fmt(await asyncio.wait_for(something("s3", 0.75), 2)), T())

    print("-- cancelling the waiter cancels the awaited task")
    inner = asyncio.ensure_future(eternity("e3"))
    waiter = asyncio.ensure_future(asyncio.wait_for(inner, 10))
    await asyncio.sleep(0.125)
    print("cancel waiter:", waiter.cancel(), T())
    try:
        await waiter
    except asyncio.CancelledError as e:
        print("waiter", ename(e), "inner cancelled:", inner.cancelled(), T())

    print("-- a shielded caller cancelled")
    inner = asyncio.ensure_future(something("s4", 1))
    async def caller():
        return await asyncio.shield(inner)
    c = asyncio.ensure_future(caller())
    await asyncio.sleep(0.375)
    c.cancel()
    try:
        await c
    except asyncio.CancelledError as e:
        print("caller", ename(e), "inner done:", inner.done(), T())
    print("inner result:", fmt(await inner), T())

    print("-- try/except CancelledError: res = None")
    inner = asyncio.ensure_future(something("s5", 0.75))
    async def ignoring():
        try:
            res = await asyncio.shield(inner)
        except asyncio.CancelledError:
            res = None
        print("ignoring got", fmt(res), T())
        return res
    c = asyncio.ensure_future(ignoring())
    loop.call_later(0.25, c.cancel)
    print("ignoring returned", fmt(await c), "cancelled:", c.cancelled(), T())
    print("inner result:", fmt(await inner), T())

    print("-- something() cancelled by other means cancels the shield")
    inner = asyncio.ensure_future(something("s6", 2))
    s = asyncio.shield(inner)
    loop.call_later(0.5, inner.cancel)
    try:
        await s
    except asyncio.CancelledError as e:
        print("shield", ename(e), "shield cancelled:", s.cancelled(), "inner cancelled:", inner.cancelled(), T())

loop.run_until_complete(main())
print("end", T())
