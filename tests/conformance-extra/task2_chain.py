# Chains: values and exceptions travel through nested awaits (coroutines inline, tasks awaiting
# tasks) with every finally running innermost first; cancelling the outer task cancels the
# task it awaits; if that inner task swallows the cancellation and returns, the outer task
# gets the value and is not cancelled; an exception chained through three tasks keeps its identity.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

async def leaf(x, fail):
    try:
        await asyncio.sleep(0.5)
        if fail:
            raise ValueError("leaf %s" % x)
        return x * 2
    finally:
        print("leaf finally", x, T())

async def mid(x, fail):
    try:
        v = await leaf(x, fail)
        return v + 1
    finally:
        print("mid finally", x, T())

async def top(x, fail):
    try:
        return await mid(x, fail) * 10
    except ValueError as e:
        print("top caught", fmt(e), T())
        return -1
    finally:
        print("top finally", x, T())

async def inner_swallow():
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError as e:
        print("inner swallows", fmt(e), T())
        await asyncio.sleep(0.25)
        return "inner value"

async def outer(t):
    try:
        v = await t
        print("outer got", fmt(v), T())
        return v
    except asyncio.CancelledError as e:
        print("outer cancelled", fmt(e), T())
        raise

async def inner_plain():
    try:
        await asyncio.sleep(5)
    finally:
        print("inner_plain finally", T())

err = ValueError("deep")
async def l1():
    await asyncio.sleep(0.25)
    raise err
async def l2():
    return await loop.create_task(l1())
async def l3():
    return await loop.create_task(l2())

async def main():
    print("top(3) ->", await top(3, False), T())
    print("top(4) ->", await top(4, True), T())
    t = loop.create_task(top(5, False))
    print("task top(5) ->", await t, T())

    i = loop.create_task(inner_swallow())
    o = loop.create_task(outer(i))
    await asyncio.sleep(1)
    print("cancel outer", o.cancel("go"), "inner cancelling", i.cancelling(), "outer cancelling", o.cancelling())
    r = await o
    print("outer result", fmt(r), "outer cancelled", o.cancelled(), "inner cancelled", i.cancelled(), T())

    i2 = loop.create_task(inner_plain())
    o2 = loop.create_task(outer(i2))
    await asyncio.sleep(1)
    o2.cancel()
    try:
        await o2
    except asyncio.CancelledError:
        print("main: o2 cancelled", o2.cancelled(), "i2 cancelled", i2.cancelled(), T())

    t3 = loop.create_task(l3())
    try:
        await t3
    except ValueError as e:
        print("main caught", fmt(e), "same object", e is err, T())

loop.run_until_complete(main())
loop.close()
