# wait_for: a result in time, a timeout that cancels the inner coroutine (its finally runs),
# an inner that runs inline in the waiting task, timeout None, timeout 0, and a Future.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

async def slow(name, d):
    print(name, "start", T())
    try:
        await asyncio.sleep(d)
        print(name, "done", T())
        return name
    finally:
        print(name, "finally", T())

async def ticker():
    for i in range(3):
        print("tick", i, T())
        await asyncio.sleep(0)

async def main():
    t = asyncio.create_task(ticker())
    print("fast", fmt(await asyncio.wait_for(slow("fast", 0.5), 1)), T())
    try:
        await asyncio.wait_for(slow("slow", 2), 1)
    except asyncio.TimeoutError as e:
        print("timeout", ename(e), T())
    print("none", fmt(await asyncio.wait_for(slow("none", 3), None)), T())
    try:
        await asyncio.wait_for(slow("zero", 1), 0)
    except asyncio.TimeoutError as e:
        print("zero timeout", ename(e), T())
    f = loop.create_future()
    try:
        await asyncio.wait_for(f, 0.5)
    except asyncio.TimeoutError:
        print("future cancelled", f.cancelled(), T())
    done = loop.create_future()
    done.set_result(5)
    print("done future", await asyncio.wait_for(done, 0), T())
    await t

loop.run_until_complete(main())
loop.close()
