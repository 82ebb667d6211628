# timeout() in cleanup code, from CPython's test_timeouts: after the task swallowed a
# cancellation (cancelling() stays 1), a timeout(0) in its finally still turns its own
# expiry into TimeoutError, while a cancel() inside such a timeout stays CancelledError;
# a timeout in the finally of an expired timeout expires on its own and both raise
# TimeoutError; the TimeoutError's cause is the CancelledError; a timeout rescheduled to
# None and then cancelled from outside is not expired.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

async def after_cancellation():
    me = asyncio.current_task()
    try:
        me.cancel()
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("  swallowed; cancelling", me.cancelling(), T())
    finally:
        try:
            async with asyncio.timeout(0.0):
                await asyncio.sleep(1)
        except TimeoutError as e:
            print("  timeout(0) in finally: TimeoutError, cause", ename(e.__cause__), "cancelling", me.cancelling(), T())
    return "first"

async def cancel_inside_after_cancellation():
    me = asyncio.current_task()
    try:
        me.cancel()
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        pass
    finally:
        try:
            async with asyncio.timeout(1.0):
                me.cancel()
                await asyncio.sleep(2)
        except asyncio.CancelledError:
            print("  cancel inside timeout: CancelledError, cancelling", me.cancelling(), T())
    return "second"

async def nested_in_finally():
    try:
        async with asyncio.timeout(0.25):
            try:
                await asyncio.sleep(1)
            finally:
                try:
                    async with asyncio.timeout(0.5):
                        await asyncio.sleep(10)
                except TimeoutError:
                    print("  inner TimeoutError", T())
    except TimeoutError:
        print("  outer TimeoutError", T())
    return "third"

async def main():
    for f in [after_cancellation, cancel_inside_after_cancellation, nested_in_finally]:
        print(f.__name__)
        t = asyncio.create_task(f())
        try:
            print("  result", await t)
        except asyncio.CancelledError:
            print("  task cancelled", t.cancelled())

    fut = loop.create_future()
    async def f():
        async with asyncio.timeout_at(loop.time() + 10) as cm:
            fut.set_result(cm)
            await asyncio.sleep(50)
    task = asyncio.create_task(f())
    cm = await fut
    print("when", cm.when())
    cm.reschedule(cm.when() + 20)
    print("when", cm.when())
    cm.reschedule(None)
    print("when", cm.when())
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("cancelled; expired", cm.expired(), T())

loop.run_until_complete(main())
loop.close()
