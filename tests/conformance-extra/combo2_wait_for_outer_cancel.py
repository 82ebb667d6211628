# wait_for while the waiting task itself is cancelled: the message reaches the inline
# coroutine and comes back out; a cancel from outside that the inner ignores still wins over
# a later timeout (CancelledError, not TimeoutError); an inner Task cancelled by a third
# party gives CancelledError to the waiter, which is not itself cancelled and goes on;
# a task that catches that and retries with a fresh wait_for.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

async def op(name, d):
    try:
        await asyncio.sleep(d)
    except asyncio.CancelledError as e:
        print("  ", name, "cancelled", fmt(e), T())
        raise
    print("  ", name, "done", T())
    return name

async def deaf(name, d1, d2):
    # ignores the first cancellation, then sleeps again
    try:
        await asyncio.sleep(d1)
    except asyncio.CancelledError as e:
        print("  ", name, "ignores", fmt(e), T())
    try:
        await asyncio.sleep(d2)
    except asyncio.CancelledError as e:
        print("  ", name, "gives up on", fmt(e), T())
        raise
    return name

async def guarded(label, aw, timeout):
    try:
        r = await asyncio.wait_for(aw, timeout)
        print(label, "got", fmt(r), T())
        return r
    except TimeoutError:
        print(label, "timed out", T())
    except asyncio.CancelledError as e:
        print(label, "cancelled", fmt(e), T())
        raise

async def cancel_after(task, d, msg):
    await asyncio.sleep(d)
    print("cancelling", msg, T())
    task.cancel(msg)

async def expect_cancel(t):
    try:
        await t
    except asyncio.CancelledError as e:
        print("task raised", fmt(e), "cancelled", t.cancelled(), T())

async def main():
    t = asyncio.create_task(guarded("plain", op("a", 5), 2))
    asyncio.create_task(cancel_after(t, 0.5, "quit"))
    await expect_cancel(t)

    t = asyncio.create_task(guarded("deaf", deaf("b", 1, 2), 1.5))
    asyncio.create_task(cancel_after(t, 0.3, "first"))
    await expect_cancel(t)
    await asyncio.sleep(1)

    inner = asyncio.create_task(op("c", 5))
    t = asyncio.create_task(guarded("third party", inner, 3))
    asyncio.create_task(cancel_after(inner, 0.4, "by someone else"))
    await expect_cancel(t)
    print("waiter cancelled", t.cancelled(), "inner cancelled", inner.cancelled())

    async def retrying():
        for i in range(3):
            job = asyncio.create_task(op("try%d" % i, 1 - i * 0.4))
            if i == 1:
                job.get_loop().call_later(0.2, job.cancel, "flaky")
            try:
                return await asyncio.wait_for(job, 0.7)
            except TimeoutError:
                print("  attempt", i, "timed out", T())
            except asyncio.CancelledError as e:
                print("  attempt", i, "was cancelled", fmt(e), T())
        return None
    print("retrying ->", fmt(await retrying()), T())

loop.run_until_complete(main())
loop.close()
