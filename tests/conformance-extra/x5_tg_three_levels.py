# Three nested TaskGroups. The innermost child fails: the innermost group raises its
# ExceptionGroup into the middle body, which catches it and carries on, so the middle and
# outer groups' children are untouched. Then a middle child fails while the innermost group
# of a second round is running: the middle group cancels its body, the innermost group
# re-raises CancelledError, and only the middle child's error comes out, wrapped by the outer
# group as a nested ExceptionGroup.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

async def work(name, d, fail=False):
    try:
        await asyncio.sleep(d)
    except asyncio.CancelledError:
        print("  ", name, "cancelled", T())
        raise
    if fail:
        print("  ", name, "raises", T())
        raise ValueError(name)
    print("  ", name, "done", T())
    return name

def show(eg, indent="  "):
    print(indent + ename(eg) + ": " + str(eg))
    for e in eg.exceptions:
        if isinstance(e, BaseExceptionGroup):
            show(e, indent + "  ")
        else:
            print(indent + "  " + fmt(e))

async def main():
    me = asyncio.current_task()
    try:
        async with asyncio.TaskGroup() as outer:
            outer.create_task(work("outer child", 20))
            async with asyncio.TaskGroup() as middle:
                middle.create_task(work("middle child", 6, fail=True))
                try:
                    async with asyncio.TaskGroup() as inner:
                        inner.create_task(work("inner child", 1, fail=True))
                        inner.create_task(work("inner sibling", 3))
                        await asyncio.sleep(10)
                except ExceptionGroup as eg:
                    print("  middle body caught", str(eg), T(), "cancelling", me.cancelling())
                try:
                    async with asyncio.TaskGroup() as inner2:
                        inner2.create_task(work("inner2 child", 8))
                        await asyncio.sleep(10)
                except BaseException as e:
                    print("  inner2 raised", ename(e), T(), "cancelling", me.cancelling())
                    raise
    except ExceptionGroup as eg:
        show(eg)
    print("cancelling", me.cancelling(), T())

loop.run_until_complete(main())
loop.close()
