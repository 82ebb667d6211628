# Eager tasks and names: a task that cancels itself during its eager start (it runs inside
# create_task) is cancelled at its first await; cancel() called from inside the eager step
# before a suspension; gather over eager children; a shielded child inside a TaskGroup whose
# parent is cancelled keeps running while the group's other children are cancelled; Task-N
# numbers under a TaskGroup; current_task and all_tasks seen from plain callbacks.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

async def self_cancel(name):
    me = asyncio.current_task()
    print("  ", name, "eager start, cancel() ->", me.cancel(), "cancelling", me.cancelling())
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("  ", name, "cancelled at first await", T())
        raise
    return name

async def quick(name):
    return name

async def slow(name, d):
    try:
        await asyncio.sleep(d)
    except asyncio.CancelledError:
        print("  ", name, "cancelled", T())
        raise
    print("  ", name, "finished", T())
    return name

def cb(label):
    t = asyncio.current_task()
    print("  callback", label, "current_task", None if t is None else t.get_name(),
          "all_tasks", len(asyncio.all_tasks()))

async def main():
    print("case 1: cancel during eager start")
    t = asyncio.eager_task_factory(loop, self_cancel("s1"))
    print("  after create: done", t.done(), "cancelling", t.cancelling())
    try:
        await t
    except asyncio.CancelledError:
        print("  s1 cancelled", t.cancelled(), T())

    print("case 2: gather over eager children")
    loop.set_task_factory(asyncio.eager_task_factory)
    a = asyncio.create_task(quick("a"))
    print("  a done at once", a.done())
    res = await asyncio.gather(quick("g1"), slow("g2", 0.5), a)
    print("  gather", fmt(res), T())
    loop.set_task_factory(None)

    print("case 3: shield inside a cancelled TaskGroup")
    inner = {}
    async def body():
        async with asyncio.TaskGroup() as tg:
            inner["x"] = tg.create_task(slow("x", 2))
            inner["y"] = tg.create_task(slow("y", 1.5))
            print("  names", inner["x"].get_name().startswith("Task-"), inner["y"].get_name().startswith("Task-"))
            try:
                await asyncio.shield(inner["y"])
            except asyncio.CancelledError:
                print("  body cancelled", T())
                raise
    outer = asyncio.create_task(body())
    await asyncio.sleep(0.25)
    outer.cancel()
    try:
        await outer
    except asyncio.CancelledError:
        print("  outer cancelled", outer.cancelled(), T())
    print("  x", inner["x"].cancelled(), "y", inner["y"].cancelled(), T())

    print("case 4: Task-N numbering")
    t1 = asyncio.create_task(quick("n"))
    t2 = asyncio.create_task(quick("n"))
    n1 = int(t1.get_name().split("-")[1]); n2 = int(t2.get_name().split("-")[1])
    print("  consecutive", n2 - n1)
    async with asyncio.TaskGroup() as tg:
        t3 = tg.create_task(quick("n"))
        t4 = tg.create_task(quick("n"), name="named")
        t5 = tg.create_task(quick("n"))
    print("  group", int(t3.get_name().split("-")[1]) - n2, t4.get_name(), int(t5.get_name().split("-")[1]) - n2)
    t5.set_name(42)
    print("  set_name", repr(t5.get_name()))

    print("case 5: current_task in callbacks")
    loop.call_soon(cb, "soon")
    loop.call_later(0.1, cb, "later")
    fut = loop.create_future()
    fut.add_done_callback(lambda f: cb("done"))
    loop.call_soon(fut.set_result, 1)
    await asyncio.sleep(0.2)
    cb("in task")

loop.run_until_complete(main())
loop.close()
