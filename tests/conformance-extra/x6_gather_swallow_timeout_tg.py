# Cancellation that children swallow: gather cancelled from outside while every child catches
# the CancelledError and returns still raises CancelledError; wait_for whose inner task
# swallows the timeout's cancellation and returns a value gives that value; a TaskGroup child
# that times out inside asyncio.timeout() fails the group with TimeoutError; as_completed over
# coroutines where one raises still yields the others.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

async def stubborn(name, d):
    try:
        await asyncio.sleep(d)
    except asyncio.CancelledError:
        print("  ", name, "swallows", T())
        return name + "-swallowed"
    return name

async def work(name, d, fail=False):
    await asyncio.sleep(d)
    if fail:
        raise ValueError(name)
    return name

async def main():
    print("case 1: gather cancelled, children swallow")
    g = asyncio.gather(stubborn("a", 1), stubborn("b", 2))
    loop.call_later(0.5, g.cancel)
    try:
        print("  gather returned", fmt(await g))
    except asyncio.CancelledError:
        print("  gather raised CancelledError", g.cancelled(), T())

    print("case 2: wait_for, inner swallows")
    try:
        print("  wait_for ->", fmt(await asyncio.wait_for(stubborn("c", 3), 0.25)), T())
    except TimeoutError:
        print("  wait_for TimeoutError", T())

    print("case 3: TaskGroup child times out")
    async def child():
        async with asyncio.timeout(0.3):
            await asyncio.sleep(5)
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child())
            s = tg.create_task(work("s", 4))
    except* TimeoutError as eg:
        print("  group failed", [ename(e) for e in eg.exceptions], "s cancelled", s.cancelled(), T())

    print("case 4: as_completed over coroutines, one raises")
    for fut in asyncio.as_completed([work("x", 0.7), work("y", 0.2, True), work("z", 0.4)]):
        try:
            print("  got", fmt(await fut), T())
        except ValueError as e:
            print("  raised", fmt(e), T())

loop.run_until_complete(main())
loop.close()
