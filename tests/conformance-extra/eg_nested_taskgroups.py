# Nested TaskGroups make nested ExceptionGroups: an inner group's failure is one member of the
# outer group's; subgroup() and split() reach through the levels; a failure in each of two
# sibling inner groups (run as children of the outer group; the second fails when the outer
# group cancels it) gives two nested groups in the order they failed. A failed group's exception travels through a plain task and gather().
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()
def tree(e, ind="  "):
    if e is None:
        print(ind + "None")
    elif isinstance(e, BaseExceptionGroup):
        print(ind + "%s(%r) [%d]" % (ename(e), e.message, len(e.exceptions)))
        for x in e.exceptions:
            tree(x, ind + "  ")
    else:
        print(ind + fmt(e))

async def fail(d, exc):
    await asyncio.sleep(d)
    raise exc

async def fail_on_cancel(exc):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        raise exc

async def inner_group(label, d, exc):
    async with asyncio.TaskGroup() as tg:
        tg.create_task(fail(d, exc) if d is not None else fail_on_cancel(exc))
        tg.create_task(asyncio.sleep(10))

async def main():
    try:
        async with asyncio.TaskGroup() as outer:
            outer.create_task(inner_group("first", 1.5, ValueError("in first")))
            outer.create_task(inner_group("second", 0.5, TypeError("in second")))
            outer.create_task(inner_group("third", None, ValueError("third, when cancelled")))
    except ExceptionGroup as eg:
        print("outer group at", T())
        tree(eg)
        print("ValueErrors anywhere:")
        tree(eg.subgroup(ValueError))
        m, r = eg.split(TypeError)
        print("split(TypeError):")
        tree(m)
        tree(r)
    try:
        async with asyncio.TaskGroup() as outer:
            outer.create_task(fail(0.25, KeyError("outer child")))
            async with asyncio.TaskGroup() as inner:
                inner.create_task(fail(0.5, ValueError("inner child")))
                await asyncio.sleep(1)
    except ExceptionGroup as eg:
        print("outer child first, at", T())
        tree(eg)
    t = asyncio.create_task(inner_group("task", 0.5, ValueError("in a task")))
    res = await asyncio.gather(t, asyncio.sleep(0.1, "other"), return_exceptions=True)
    print("gather:", [ename(x) if isinstance(x, BaseException) else x for x in res], "same:", res[0] is t.exception(), T())
    tree(res[0])

loop.run_until_complete(main())
loop.close()
