# cancelling() counts cancel requests and uncancel() takes one back (never below 0); a task
# that catches CancelledError and returns a value is not cancelled; a task that swallows the
# cancellation goes on sleeping and can be cancelled again; cancel() of a task that waits on
# a future that is already done (its wake-up pending) still cancels it.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

async def returner():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as e:
        me = asyncio.current_task()
        print("returner caught", fmt(e), "cancelling", me.cancelling(), T())
        return "recovered"

async def stubborn():
    n = 0
    while True:
        try:
            await asyncio.sleep(1)
            n += 1
            print("stubborn tick", n, T())
            if n == 3:
                return n
        except asyncio.CancelledError:
            me = asyncio.current_task()
            print("stubborn ignores cancel; cancelling", me.cancelling(), "uncancel ->", me.uncancel(), T())

async def counter():
    me = asyncio.current_task()
    print("counter start cancelling", me.cancelling())
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        print("counter caught; cancelling", me.cancelling(), T())
    print("uncancel", me.uncancel(), "uncancel", me.uncancel(), "uncancel", me.uncancel())
    await asyncio.sleep(0.5)
    print("counter sleeps on", T())
    return me.cancelling()

async def main():
    t = loop.create_task(returner())
    await asyncio.sleep(1)
    print("cancel", t.cancel(), "cancelling", t.cancelling())
    r = await t
    print("returner result", fmt(r), "cancelled", t.cancelled(), "cancelling", t.cancelling(), T())
    print("uncancel on done task", t.uncancel(), "again", t.uncancel())

    s = loop.create_task(stubborn())
    await asyncio.sleep(1.5)
    print("cancel stubborn", s.cancel())
    await asyncio.sleep(0.25)
    print("cancel stubborn again", s.cancel())
    r = await s
    print("stubborn result", r, "cancelled", s.cancelled(), "cancelling", s.cancelling(), T())

    c = loop.create_task(counter())
    await asyncio.sleep(0.25)
    print("3 cancels", c.cancel(), c.cancel(), c.cancel(), "cancelling", c.cancelling())
    r = await c
    print("counter returned cancelling", r, "cancelled", c.cancelled(), T())

    fut = loop.create_future()
    async def wait_fut():
        try:
            v = await fut
            print("wait_fut got", fmt(v))
        except asyncio.CancelledError as e:
            print("wait_fut cancelled although fut has", fmt(fut.result()), T())
            raise
    w = loop.create_task(wait_fut())
    await asyncio.sleep(0.5)
    fut.set_result("value")
    print("cancel waiter of a done future", w.cancel("late"), "fut cancelled", fut.cancelled())
    try:
        await w
    except asyncio.CancelledError as e:
        print("main got", fmt(e), T())

loop.run_until_complete(main())
loop.close()
