# The exception handler's contexts (message and sorted keys only) for a callback that raises
# and a direct call_exception_handler (a Task's retrieved exception reports nothing);
# wait_for with timeout 0 on an already-done future and on a pending one; Event.wait and
# Condition.wait inside asyncio.timeout(); Queue.join with task_done from several workers,
# one of them cancelled mid-item.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

def handler(lp, ctx):
    print("  handler:", ctx["message"].split(" at ")[0], sorted(ctx.keys()),
          ename(ctx["exception"]) if "exception" in ctx else "-")
loop.set_exception_handler(handler)

def bad():
    raise ValueError("cb")

async def failing():
    raise ValueError("t")

async def main():
    print("case 1: handler contexts")
    loop.call_soon(bad)
    await asyncio.sleep(0)
    t = asyncio.create_task(failing())
    await asyncio.sleep(0)
    print("  task failed:", fmt(t.exception()))
    loop.call_exception_handler({"message": "custom", "extra": 1})
    await asyncio.sleep(0)

    print("case 2: wait_for with timeout 0")
    done = loop.create_future()
    done.set_result("ready")
    print("  done future:", fmt(await asyncio.wait_for(done, 0)), T())
    pending = loop.create_future()
    try:
        await asyncio.wait_for(pending, 0)
    except TimeoutError as e:
        print("  pending future:", ename(e), "cancelled", pending.cancelled(), T())
    async def instant():
        return "coro"
    try:
        print("  coroutine:", fmt(await asyncio.wait_for(instant(), 0)))
    except TimeoutError as e:
        print("  coroutine:", ename(e), T())

    print("case 3: Event and Condition inside timeout()")
    ev = asyncio.Event()
    try:
        async with asyncio.timeout(0.5):
            await ev.wait()
    except TimeoutError:
        print("  event wait timed out", T())
    loop.call_later(0.25, ev.set)
    async with asyncio.timeout(1):
        print("  event wait", await ev.wait(), T())
    cond = asyncio.Condition()
    async with cond:
        try:
            async with asyncio.timeout(0.3):
                await cond.wait()
        except TimeoutError:
            print("  cond wait timed out, locked", cond.locked(), T())
    async def notifier():
        await asyncio.sleep(0.1)
        async with cond:
            cond.notify_all()
    nt = asyncio.create_task(notifier())
    async with cond:
        async with asyncio.timeout(2):
            print("  cond wait", await cond.wait(), "locked", cond.locked(), T())
    await nt

    print("case 4: Queue.join with several workers, one cancelled")
    q = asyncio.Queue()
    for i in range(6):
        q.put_nowait(i)
    async def worker(name, d):
        while True:
            item = await q.get()
            try:
                await asyncio.sleep(d)
                print("  ", name, "did", item, T())
            finally:
                q.task_done()
    w1 = asyncio.create_task(worker("w1", 0.3))
    w2 = asyncio.create_task(worker("w2", 0.7))
    loop.call_later(0.5, w2.cancel)
    await q.join()
    print("  joined", T(), "empty", q.empty(), "w2 cancelled", w2.cancelled())
    w1.cancel()
    await asyncio.sleep(0)

loop.run_until_complete(main())
loop.close()
