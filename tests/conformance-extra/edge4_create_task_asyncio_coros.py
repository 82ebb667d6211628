# create_task of the coroutines asyncio itself provides: create_task(asyncio.sleep(d, r)),
# create_task(asyncio.wait_for(coro, t)) and create_task(asyncio.wait([...])) make numbered
# (or named) Tasks listed by all_tasks() that run like any other: the sleep's delay counts
# from the task's first step, the wait_for task fails with TimeoutError (its inner coroutine
# is cancelled), the wait task gives the (done, pending) pair; such a task can be cancelled
# and awaited by gather; a done callback sees its result.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

async def work(name, d):
    try:
        await asyncio.sleep(d)
    except asyncio.CancelledError:
        print("  ", name, "cancelled", T())
        raise
    print("  ", name, "done", T())
    return name

def names():
    return fmt(sorted(t.get_name() for t in asyncio.all_tasks()))

async def main():
    s = loop.create_task(asyncio.sleep(0.25, "slept"))
    n = loop.create_task(asyncio.sleep(0.5, "named"), name="napper")
    print("made", s.get_name(), n.get_name(), "tasks", names())
    s.add_done_callback(lambda t: print("   callback sees", fmt(t.result()), T()))
    print("sleep task ->", fmt(await s), T())
    print("named ->", fmt(await n), T(), "tasks", names())

    wf = asyncio.create_task(asyncio.wait_for(work("slow", 1), 0.3))
    ok = asyncio.create_task(asyncio.wait_for(work("quick", 0.1), 0.3))
    print("wait_for tasks", wf.get_name(), ok.get_name())
    try:
        await wf
    except asyncio.TimeoutError:
        print("wait_for task raised TimeoutError", T(), "exception class", ename(wf.exception()))
    print("quick ->", fmt(ok.result()))

    a = loop.create_task(work("a", 0.1), name="a")
    b = loop.create_task(work("b", 0.6), name="b")
    w = asyncio.create_task(asyncio.wait([a, b], return_when=asyncio.FIRST_COMPLETED))
    done, pending = await w
    print("wait task ->", fmt(sorted(t.get_name() for t in done)), fmt(sorted(t.get_name() for t in pending)), T())

    c = asyncio.create_task(asyncio.sleep(5))
    await asyncio.sleep(0.1)
    print("cancel sleep task", c.cancel("enough"))
    try:
        await c
    except asyncio.CancelledError as e:
        print("sleep task cancelled", fmt(e), c.cancelled(), T())

    r = await asyncio.gather(asyncio.create_task(asyncio.sleep(0.2, "x")), b)
    print("gather of them", fmt(r), T(), "tasks", names())

loop.run_until_complete(main())
loop.close()
