# The body catches the timeout's CancelledError: the block ends normally (no TimeoutError), the
# timeout is expired all the same, the task's cancel request is withdrawn, and later awaits in
# the block and after it are not cancelled. A body that catches it, cleans up with awaits and
# re-raises: TimeoutError after the cleanup. A body that raises another exception from the
# handler: that exception, with the timeout expired.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

async def block(label, mode):
    me = asyncio.current_task()
    cm = asyncio.timeout(1)
    try:
        async with cm:
            try:
                await asyncio.sleep(5)
            except asyncio.CancelledError:
                print("  ", label, "caught CancelledError", T(), "cancelling", me.cancelling())
                if mode == "swallow":
                    await asyncio.sleep(0.5)
                    print("  ", label, "awaits again in the block", T())
                    return "swallowed"
                if mode == "cleanup":
                    await asyncio.sleep(0.25)
                    print("  ", label, "cleaned up", T())
                    raise
                raise ValueError("from the handler")
    except BaseException as e:
        print("  ", label, "->", ename(e), T(), "expired", cm.expired())
        if not isinstance(e, (TimeoutError, ValueError)):
            raise
        return ename(e)
    finally:
        print("  ", label, "cancelling", me.cancelling(), repr(cm))

async def main():
    for mode in ("swallow", "cleanup", "other"):
        print(mode + ":")
        print("  result", fmt(await block(mode, mode)), T())
        await asyncio.sleep(1)
        print("  later await fine", T())

loop.run_until_complete(main())
loop.close()
