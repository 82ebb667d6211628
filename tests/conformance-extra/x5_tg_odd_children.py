# Children that end in unusual ways: one raises CancelledError by itself, one is cancelled
# by a sibling, one swallows the group's cancellation and returns a value, one raises from
# its cleanup. A cancelled child never counts as an error; a child that swallows the cancel
# keeps its result; the error from cleanup joins the ExceptionGroup after the trigger. A
# finished group refuses new tasks and cannot be entered again.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

def st(t):
    if t.cancelled():
        return "cancelled"
    if t.exception() is not None:
        return "error " + fmt(t.exception())
    return "result " + fmt(t.result())

async def self_cancel():
    await asyncio.sleep(0.5)
    print("  self_cancel raises CancelledError", T())
    raise asyncio.CancelledError("by itself")

async def victim():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("  victim cancelled", T())
        raise

async def killer(t):
    await asyncio.sleep(1)
    print("  killer cancels victim", t.cancel(), T())
    return "killed"

async def stubborn():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("  stubborn swallows", T())
    await asyncio.sleep(0.25)
    return "stubborn result"

async def messy():
    try:
        await asyncio.sleep(10)
    finally:
        await asyncio.sleep(0.5)
        print("  messy raises in cleanup", T())
        raise KeyError("cleanup")

async def trigger():
    await asyncio.sleep(2)
    print("  trigger raises", T())
    raise ValueError("trigger")

async def main():
    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(self_cancel())
        v = tg.create_task(victim())
        k = tg.create_task(killer(v))
    print("round 1 ok", T(), st(a), "|", st(v), "|", st(k))

    try:
        async with asyncio.TaskGroup() as tg:
            s = tg.create_task(stubborn())
            m = tg.create_task(messy())
            t = tg.create_task(trigger())
    except ExceptionGroup as eg:
        print("round 2", str(eg), [fmt(e) for e in eg.exceptions], T())
    print("  ", st(s), "|", st(m), "|", st(t))

    tg = asyncio.TaskGroup()
    async with tg:
        pass
    coro = victim()
    try:
        tg.create_task(coro)
    except RuntimeError as e:
        print("after exit:", ename(e), "finished" in str(e))
    coro.close()
    try:
        async with tg:
            pass
    except RuntimeError as e:
        print("re-enter:", ename(e), "already been entered" in str(e))

loop.run_until_complete(main())
loop.close()
