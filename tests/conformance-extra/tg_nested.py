# Nested groups. An inner child fails: the inner group cancels its body and siblings and
# raises its ExceptionGroup into the outer body, which makes the outer group cancel its own
# children and raise an ExceptionGroup holding the inner one. An outer child fails: the
# outer group cancels its body, which is inside the inner group, so the inner group cancels
# its children and re-raises the CancelledError; only the outer child's error comes out.
# (The inner sibling takes 0.125 s to clean up: the order in which a group cancels its
# children is the order of a Python set, which a trace should not depend on.)
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

async def work(name, d, fail=False, cleanup=0):
    try:
        await asyncio.sleep(d)
    except asyncio.CancelledError:
        if cleanup:
            await asyncio.sleep(cleanup)
        print("  ", name, "cancelled", T())
        raise
    if fail:
        print("  ", name, "raises", T())
        raise ValueError(name)
    print("  ", name, "done", T())
    return name

def show(eg, indent=" "):
    print(indent + ename(eg) + ": " + str(eg))
    for e in eg.exceptions:
        if isinstance(e, ExceptionGroup):
            show(e, indent + "  ")
        else:
            print(indent + "  " + fmt(e))

async def scenario(inner_fails):
    me = asyncio.current_task()
    try:
        async with asyncio.TaskGroup() as outer:
            outer.create_task(work("outer child", 3 if inner_fails else 1, fail=not inner_fails))
            try:
                async with asyncio.TaskGroup() as inner:
                    inner.create_task(work("inner child", 1 if inner_fails else 3, fail=inner_fails))
                    inner.create_task(work("inner sibling", 4, cleanup=0.125))
                    await asyncio.sleep(10)
            except BaseException as e:
                print("  inner group raised", ename(e), T(), "cancelling", me.cancelling())
                raise
    except ExceptionGroup as eg:
        show(eg)
    print("  cancelling", me.cancelling(), T())

async def main():
    print("inner child fails:")
    await scenario(True)
    print("outer child fails:")
    await scenario(False)

loop.run_until_complete(main())
loop.close()
