# Eager first steps doing structured work: asyncio.timeout() entered during the eager step
# expires later and cancels the task as usual (uncancelled afterwards); an eager child that
# creates a sibling in the same TaskGroup during its eager step; an eager task that is
# cancelled from outside right after creation while suspended in its first await; wait_for
# inside an eager step on an already-done future returns without suspending.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
loop.set_task_factory(asyncio.eager_task_factory)
def T(): return "%.3f" % loop.time()

async def timed(name):
    me = asyncio.current_task()
    try:
        async with asyncio.timeout(0.5):
            print("  ", name, "in timeout, cancelling", me.cancelling(), T())
            await asyncio.sleep(2)
    except TimeoutError:
        print("  ", name, "timed out, cancelling", me.cancelling(), T())
    return name

async def leaf(name):
    print("  ", name, "starts", T())
    await asyncio.sleep(0.25)
    return name

async def spawner(tg):
    print("   spawner eager step")
    c = tg.create_task(leaf("sibling"))
    print("   sibling done at once", c.done())
    return await c

async def sleeper():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError as e:
        print("   sleeper cancelled", fmt(e), T())
        raise

async def done_wait():
    f = loop.create_future()
    f.set_result("ready")
    r = await asyncio.wait_for(f, 1)
    return r

async def main():
    print("case 1: timeout in an eager step")
    t = asyncio.create_task(timed("t"))
    print("  created, done", t.done())
    print("  result", fmt(await t), T())

    print("case 2: a child spawning a sibling")
    async with asyncio.TaskGroup() as tg:
        s = tg.create_task(spawner(tg))
    print("  spawner ->", fmt(s.result()), T())

    print("case 3: cancelled right after creation")
    t = asyncio.create_task(sleeper())
    t.cancel("early")
    try:
        await t
    except asyncio.CancelledError:
        print("  cancelled", t.cancelled(), T())

    print("case 4: wait_for on a done future in the eager step")
    t = asyncio.create_task(done_wait())
    print("  done at once", t.done(), fmt(t.result()) if t.done() else "")
    print("  result", fmt(await t), T())

loop.run_until_complete(main())
loop.close()
