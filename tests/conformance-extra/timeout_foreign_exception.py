# What leaves a timeout block besides TimeoutError. The body's own exception before the
# deadline goes through, the timeout unexpired. A body that raises another exception while it
# is being cancelled by the deadline: that exception, not TimeoutError, with the timeout
# expired and the cancel request withdrawn. A TimeoutError raised by the body itself is just
# an exception: it goes through and the timeout is not expired. The TimeoutError the timeout
# raises has the CancelledError as its cause.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

async def attempt(label, body):
    me = asyncio.current_task()
    cm = asyncio.timeout(1)
    try:
        async with cm:
            await body()
        print(label, "-> ended", T())
    except Exception as e:
        cause = e.__cause__
        print(label, "->", fmt(e), "cause", ename(cause) if cause is not None else "None", T())
    print("  expired", cm.expired(), "cancelling", me.cancelling())

async def raises_early():
    await asyncio.sleep(0.5)
    raise ValueError("early")

async def raises_in_finally():
    try:
        await asyncio.sleep(5)
    finally:
        raise ValueError("from finally")

async def raises_after_cleanup():
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        await asyncio.sleep(0.25)
        raise ZeroDivisionError("cleanup failed")

async def own_timeout_error():
    await asyncio.sleep(0.5)
    raise TimeoutError("mine")

async def expires():
    await asyncio.sleep(5)

async def main():
    await attempt("raises early", raises_early)
    await attempt("raises in finally", raises_in_finally)
    await attempt("raises after cleanup", raises_after_cleanup)
    await attempt("own TimeoutError", own_timeout_error)
    await attempt("expires", expires)

loop.run_until_complete(main())
loop.close()
