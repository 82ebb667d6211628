# nested wait_for with different timeouts: the inner expiring first raises TimeoutError out
# of the inner call, which passes the outer as it is (the task is not cancelling after);
# the outer expiring first cancels through the inner wait_for, which passes CancelledError
# up to the outer, which turns it into TimeoutError; three levels; an inner that catches
# its own TimeoutError and goes on is then cut by the outer; cancelling() seen inside at
# every stage; a reporter task shows in which iteration each error arrives.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

async def reporter(label, n):
    for i in range(n):
        print("   ", label, i, T())
        await asyncio.sleep(0)

async def work(d):
    me = asyncio.current_task()
    try:
        await asyncio.sleep(d)
        return "slept %s" % d
    except asyncio.CancelledError as e:
        print("  work cancelled", fmt(e), "cancelling", me.cancelling(), T())
        raise

async def level(name, aw, t):
    me = asyncio.current_task()
    try:
        r = await asyncio.wait_for(aw, t)
        print("  ", name, "returned", fmt(r), "cancelling", me.cancelling(), T())
        return r
    except BaseException as e:
        print("  ", name, "raised", ename(e), "cancelling", me.cancelling(), T())
        raise

async def patient():
    me = asyncio.current_task()
    try:
        return await asyncio.wait_for(work(5), 0.5)
    except TimeoutError:
        print("  patient: own timeout, cancelling", me.cancelling(), T())
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        print("  patient: cut by the outer, cancelling", me.cancelling(), T())
        raise
    return "never"

async def attempt(label, coro):
    me = asyncio.current_task()
    asyncio.create_task(reporter(label, 3))
    try:
        r = await coro
        print(label, "->", fmt(r), "cancelling", me.cancelling(), T())
    except BaseException as e:
        print(label, "->", ename(e), "cancelling", me.cancelling(), T())

async def main():
    await attempt("inner first", level("outer", level("inner", work(5), 1), 2))
    await attempt("outer first", level("outer", level("inner", work(5), 2), 1))
    await attempt("three levels, middle first",
                  level("l1", level("l2", level("l3", work(5), 3), 1), 2))
    await attempt("three levels, outer first",
                  level("l1", level("l2", level("l3", work(5), 3), 2), 1))
    await attempt("both beat", level("outer", level("inner", work(0.5), 2), 1))
    await attempt("patient", asyncio.wait_for(patient(), 1.25))
    print("end", T())

loop.run_until_complete(main())
loop.close()
