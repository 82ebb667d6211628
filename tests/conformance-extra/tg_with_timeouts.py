# Timeouts and TaskGroups combined. (1) A child fails while the body waits inside a nested
# timeout: the timeout sees a cancellation that is not its own, stays unexpired and lets it
# through; the group raises the ExceptionGroup. (2) A timeout inside the body expires: the body
# catches TimeoutError and the group goes on with its children. (3) A group inside a timeout
# that expires while the body runs: children and body cancelled, TimeoutError outside. (4) The
# same while the group waits in its exit. (5) A child that fails while being cancelled by the
# timeout: the ExceptionGroup wins over TimeoutError. (6) A timeout inside a child.
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

async def fails_in_finally(name):
    try:
        await asyncio.sleep(10)
    finally:
        print("  ", name, "raises in finally", T())
        raise ValueError(name)

async def timed_child(name, limit, d):
    try:
        async with asyncio.timeout(limit):
            await asyncio.sleep(d)
        print("  ", name, "in time", T())
    except TimeoutError:
        print("  ", name, "timed out", T())
        raise

async def attempt(label, coro):
    print(label)
    me = asyncio.current_task()
    try:
        r = await coro
        print("  ->", fmt(r), T())
    except ExceptionGroup as eg:
        print("  -> ExceptionGroup", [fmt(e) for e in eg.exceptions], T())
    except TimeoutError:
        print("  -> TimeoutError", T())
    print("  cancelling", me.cancelling())

async def one():
    cm = asyncio.timeout(10)
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(work("child", 1, fail=True))
            async with cm:
                await asyncio.sleep(5)
    finally:
        print("  timeout expired", cm.expired(), repr(cm))

async def two():
    async with asyncio.TaskGroup() as tg:
        t = tg.create_task(work("child", 2))
        try:
            async with asyncio.timeout(1):
                await asyncio.sleep(5)
        except TimeoutError:
            print("  body timed out", T())
    return t.result()

async def three(body_waits):
    async with asyncio.timeout(1) as cm:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(work("child", 5))
            if body_waits:
                await work("body", 3)
    return "never"

async def five():
    async with asyncio.timeout(1):
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fails_in_finally("child"))
            await asyncio.sleep(3)

async def six():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(timed_child("fast", 1, 0.5))
        tg.create_task(timed_child("slow", 1, 3))
        tg.create_task(work("other", 2))

async def main():
    await attempt("(1) child fails inside a nested timeout", one())
    await attempt("(2) timeout inside the body", two())
    await attempt("(3) group inside a timeout, body waiting", three(True))
    await attempt("(4) group inside a timeout, exit waiting", three(False))
    await attempt("(5) child fails while the timeout cancels it", five())
    await attempt("(6) timeout inside a child", six())

loop.run_until_complete(main())
loop.close()
