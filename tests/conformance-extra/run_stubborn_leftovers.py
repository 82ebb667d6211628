# asyncio.run() waits for every leftover to really end: one that catches the cancellation and
# keeps working for a while (run() waits, time moves on), one blocked on a future nobody will
# complete, one awaiting another leftover; the exception handler hears only about real
# failures (not cancellations, not a swallowed cancel).
import asyncio
from vloop import VirtualLoop, fmt, ename

def T(): return "%.3f" % asyncio.get_running_loop().time()

def handler(loop, context):
    print("handler:", context["message"], fmt(context.get("exception")))

async def stubborn():
    try:
        await asyncio.sleep(100)
    except asyncio.CancelledError:
        pass
    await asyncio.sleep(2)
    print("stubborn finishes its work", T())
    return "done anyway"

async def blocked(fut):
    try:
        await fut
    finally:
        await asyncio.sleep(0.3)
        print("blocked task sees future cancelled:", fut.cancelled(), T())

async def dependent(other):
    try:
        await other
    except asyncio.CancelledError:
        await asyncio.sleep(0.6)
        print("dependent saw its dependency end, done:", other.done(), T())
        raise

async def main():
    asyncio.get_running_loop().set_exception_handler(handler)
    fut = asyncio.get_running_loop().create_future()
    global tasks
    s = asyncio.create_task(stubborn())
    b = asyncio.create_task(blocked(fut))
    d = asyncio.create_task(dependent(b))
    tasks = (s, b, d)
    await asyncio.sleep(0.5)
    print("main returns", T())
    return 1

print("run ->", asyncio.run(main(), loop_factory=VirtualLoop))
print("outcomes:", fmt([("cancelled" if t.cancelled() else t.result()) for t in tasks]))
