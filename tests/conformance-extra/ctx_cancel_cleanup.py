# A cancelled task runs its except/finally blocks in its own context, the values it set
# before the cancel included; what the cleanup sets stays in the task; a task cancelled
# before its first step never sees its context at all; the canceller's context is untouched.
import asyncio
import contextvars
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

req = contextvars.ContextVar("req", default="none")

async def handler(rid):
    req.set(rid)
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError as e:
        print("cleanup of", fmt(req.get()), "cancelled with", fmt(e), T())
        req.set(rid + "-cleaned")
        await asyncio.sleep(0.1)
        print("cleanup done as", fmt(req.get()), T())
        raise
    finally:
        print("finally sees", fmt(req.get()), T())

async def never_started():
    print("never printed", req.get())

async def main():
    req.set("main")
    t = asyncio.create_task(handler("r1"))
    t2 = asyncio.create_task(never_started())
    t2.cancel()
    await asyncio.sleep(0.5)
    req.set("main-cancelling")
    t.cancel("client went away")
    for x in (t, t2):
        try:
            await x
        except asyncio.CancelledError as e:
            print("awaited:", fmt(e), "cancelled:", x.cancelled(), T())
    print("main sees", fmt(req.get()), T())

loop.run_until_complete(main())
loop.close()
