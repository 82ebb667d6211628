# Debug mode and the exception handler's context keys: with set_debug(True) a failing
# call_soon / call_later callback reports a source_traceback (where the handle was made);
# call_exception_handler passes the caller's dict as given; with debug
# off the same failures carry no source_traceback. run(debug=True) turns the loop's debug on.
import asyncio
from vloop import VirtualLoop, fmt, ename

def handler(lp, ctx):
    tb = ctx.get("source_traceback")
    print("  handler:", sorted(ctx.keys()), "traceback is a non-empty list",
          isinstance(tb, list) and len(tb) > 0 if tb is not None else "-")

def bad():
    raise ValueError("cb")

async def scenario(loop):
    loop.call_soon(bad)
    await asyncio.sleep(0)
    loop.call_later(0.1, bad)
    await asyncio.sleep(0.2)
    loop.call_exception_handler({"message": "plain"})

for debug in (True, False):
    loop = VirtualLoop()
    asyncio.set_event_loop(loop)
    loop.set_debug(debug)
    loop.set_exception_handler(handler)
    print("debug", loop.get_debug())
    loop.run_until_complete(scenario(loop))
    loop.close()

async def show():
    print("run(debug=True): get_debug", asyncio.get_running_loop().get_debug())
asyncio.run(show(), debug=True)
