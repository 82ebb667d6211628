# The parent is cancelled from outside, but errors win: a child that raises while it is being
# cancelled turns the group's CancelledError into an ExceptionGroup; so does a body that
# raises another exception instead of the CancelledError; a child that fails while the
# cancelled body is still cleaning up too. The parent task then ends with the ExceptionGroup,
# not cancelled, with its cancel request still counted.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

async def fails_in_finally(name):
    try:
        await asyncio.sleep(10)
    finally:
        print("  ", name, "raises in finally", T())
        raise ZeroDivisionError(name)

async def crash_after(name, d):
    await asyncio.sleep(d)
    print("  ", name, "raises", T())
    raise ValueError(name)

async def runner(kind):
    async with asyncio.TaskGroup() as tg:
        if kind == "child":
            tg.create_task(fails_in_finally("c"))
            await asyncio.sleep(10)
        elif kind == "body":
            tg.create_task(asyncio.sleep(10))
            try:
                await asyncio.sleep(10)
            except asyncio.CancelledError:
                print("  body raises instead", T())
                raise TypeError("body")
        else:
            tg.create_task(crash_after("late", 1.5))
            try:
                await asyncio.sleep(10)
            except asyncio.CancelledError:
                await asyncio.sleep(1)
                print("  body re-raises after cleaning up", T())
                raise

async def main():
    for kind in ("child", "body", "slow body"):
        print(kind + ":")
        r = asyncio.create_task(runner(kind))
        await asyncio.sleep(1)
        r.cancel()
        try:
            await r
        except ExceptionGroup as eg:
            print("  ExceptionGroup", [fmt(e) for e in eg.exceptions], T())
        except asyncio.CancelledError:
            print("  CancelledError", T())
        print("  cancelled", r.cancelled(), "cancelling", r.cancelling())

loop.run_until_complete(main())
loop.close()
