# Cancel messages: Future.cancel(msg) reaches the awaiting coroutine; Task.cancel(msg) travels
# down a chain of awaited tasks to the future at the bottom (at once); a coroutine may replace
# the CancelledError it re-raises; two cancels before a step keep the later message, while a
# cancel of an already-cancelled waiter keeps the first; a task that cancels itself and returns
# is cancelled with its message.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

async def bottom(fut):
    try:
        return await fut
    except asyncio.CancelledError as e:
        print("bottom got", fmt(e), T())
        raise

async def middle(fut):
    try:
        return await loop.create_task(bottom(fut))
    except asyncio.CancelledError as e:
        print("middle got", fmt(e), T())
        raise

async def replacer():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as e:
        print("replacer got", fmt(e), T())
        raise asyncio.CancelledError("replaced")

async def show(name, d):
    try:
        await asyncio.sleep(d)
        print(name, "slept")
    except asyncio.CancelledError as e:
        print(name, "got", fmt(e), T())
        raise

async def self_canceller():
    asyncio.current_task().cancel("self")
    print("self_canceller goes on", T())
    return "ignored"

async def await_and_show(name, aw):
    try:
        await aw
    except asyncio.CancelledError as e:
        print(name, "got", fmt(e), T())

async def main():
    f = loop.create_future()
    loop.call_later(0.5, f.cancel, "from timer")
    await await_and_show("main on f", f)

    f2 = loop.create_future()
    top = loop.create_task(middle(f2))
    await asyncio.sleep(1)
    print("cancel top", top.cancel("stop chain"))
    print("f2 cancelled at once", f2.cancelled())
    await await_and_show("main on top", top)
    print("top cancelled", top.cancelled())

    r = loop.create_task(replacer())
    await asyncio.sleep(0.5)
    r.cancel("orig")
    await await_and_show("main on replacer", r)

    t = loop.create_task(show("twice-early", 1))
    print("cancel 1", t.cancel("first"), "cancel 2", t.cancel("second"))
    await await_and_show("main on twice-early", t)

    t = loop.create_task(show("twice-waiting", 1))
    await asyncio.sleep(0.25)
    print("cancel 1", t.cancel("first"), "cancel 2", t.cancel("second"))
    await await_and_show("main on twice-waiting", t)

    t = loop.create_task(show("bare-yield", 0))
    await asyncio.sleep(0)
    t.cancel("during sleep(0)")
    await await_and_show("main on bare-yield", t)

    s = loop.create_task(self_canceller())
    await await_and_show("main on self_canceller", s)
    print("self_canceller cancelled", s.cancelled(), T())

loop.run_until_complete(main())
loop.close()
