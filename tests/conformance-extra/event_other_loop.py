# Event and Condition are bound to the loop of their first wait: waiting from another loop
# is a RuntimeError (they stay usable on their own loop); an Event that is set never waits,
# so it works from any loop; a Condition whose lock is free can be entered from any loop.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

def state(p):
    return repr(p).split("[")[1][:-2]

ev = asyncio.Event()
cond = asyncio.Condition()

async def first():
    t = loop.create_task(ev.wait())
    await asyncio.sleep(0)
    ev.set()
    print("first loop:", await t, state(ev))
    ev.clear()
    async def notifier():
        async with cond:
            cond.notify()
    async with cond:
        loop.create_task(notifier())
        print("cond wait:", await cond.wait(), state(cond))

async def second():
    try:
        await ev.wait()
    except RuntimeError as e:
        print("event from another loop:", ename(e), "bound to a different event loop" in str(e), state(ev))
    ev.set()
    print("set event from another loop:", await ev.wait())
    ev.clear()
    async with cond:
        print("cond entered from another loop", state(cond))
        try:
            await cond.wait()
        except RuntimeError as e:
            print("cond wait from another loop:", ename(e), "still held:", cond.locked())
    print("after", state(cond))

loop.run_until_complete(first())
loop2 = VirtualLoop()
loop2.run_until_complete(second())
loop2.close()

async def again():
    t = loop.create_task(ev.wait())
    await asyncio.sleep(0)
    ev.set()
    print("first loop again:", await t, state(ev))

loop.run_until_complete(again())
loop.close()
