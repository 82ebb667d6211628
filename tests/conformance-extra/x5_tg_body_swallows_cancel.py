# A child fails while the group's body awaits a plain Future. The body catches the
# CancelledError the group sends it and returns normally: the group still raises its
# ExceptionGroup, the parent's cancel request is withdrawn, and a second group in the same
# task works normally afterwards. A body that swallows the cancel and then awaits again
# sleeps on until it finishes by itself (the group cancels only once).
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

async def child(name, d, fail=False):
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

async def main():
    me = asyncio.current_task()
    fut = loop.create_future()
    print("case 1: body swallows and returns")
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child("a", 1, fail=True))
            tg.create_task(child("b", 5))
            try:
                await fut
            except asyncio.CancelledError:
                print("  body swallowed cancel", T(), "cancelling", me.cancelling())
            print("  body returns", T())
    except ExceptionGroup as eg:
        print("  caught", ename(eg), str(eg), [fmt(e) for e in eg.exceptions], T())
    print("  fut cancelled:", fut.cancelled(), "cancelling", me.cancelling())

    print("case 2: body swallows and sleeps again")
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child("c", 1, fail=True))
            try:
                await asyncio.sleep(3)
            except asyncio.CancelledError:
                print("  body swallowed cancel", T())
            await asyncio.sleep(2)
            print("  body slept again", T())
    except ExceptionGroup as eg:
        print("  caught", str(eg), [fmt(e) for e in eg.exceptions], T())
    print("  cancelling", me.cancelling())

    print("case 3: a fresh group afterwards")
    async with asyncio.TaskGroup() as tg:
        t = tg.create_task(child("d", 0.5))
    print("  result", fmt(t.result()), T())

loop.run_until_complete(main())
loop.close()
