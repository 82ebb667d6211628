# wait_for whose timeout has fired while the inner task is still cleaning up (it takes a
# while), when the waiting task is also cancelled from outside during that cleanup: the
# cancel goes on to the inner task (cancelling() 2 there); the inner re-raising gives the
# waiter CancelledError, not TimeoutError (the outside request stays counted); an inner that
# swallows every cancellation and returns a value makes wait_for return it even so, and
# the outside request is left in cancelling(), so the waiter's next await is not cancelled;
# without the outside cancel: TimeoutError / the value.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

async def inner(name, swallow):
    me = asyncio.current_task()
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as e:
        print("  ", name, "inner caught", fmt(e), "cancelling", me.cancelling(), T())
    for i in range(3):
        try:
            await asyncio.sleep(0.1)
            print("  ", name, "inner cleanup step", i, T())
        except asyncio.CancelledError as e:
            print("  ", name, "inner cancelled again at step", i, fmt(e), "cancelling", me.cancelling(), T())
    if swallow:
        return name + " cleaned"
    raise asyncio.CancelledError("inner gives up")

async def outer(name, swallow):
    me = asyncio.current_task()
    t = asyncio.create_task(inner(name, swallow))
    try:
        r = await asyncio.wait_for(t, 0.5)
        print("  ", name, "wait_for returned", fmt(r), "cancelling", me.cancelling(), T())
    except BaseException as e:
        print("  ", name, "wait_for raised", fmt(e), "cancelling", me.cancelling(), T())
        raise
    await asyncio.sleep(0.25)
    print("  ", name, "outer goes on", "cancelling", me.cancelling(), T())
    return r

async def run(name, swallow, outside):
    o = asyncio.create_task(outer(name, swallow))
    if outside:
        await asyncio.sleep(0.65)
        print(name, "cancel outer from outside", o.cancel("outside"), "cancelling", o.cancelling(), T())
    try:
        print(name, "->", fmt(await o), "cancelling", o.cancelling(), T())
    except BaseException as e:
        print(name, "-> raised", fmt(e), "cancelled", o.cancelled(), T())

async def main():
    await run("A", False, False)
    await run("B", False, True)
    await run("C", True, False)
    await run("D", True, True)

loop.run_until_complete(main())
loop.close()
