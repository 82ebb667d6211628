# wait_for on a Task that swallows the cancellation: with a timeout > 0, 0 or negative,
# wait_for waits until the task is done and returns the value it returned; one that raises
# something else while cancelled passes that on; timeout None never cancels; a task that
# swallows and keeps going delays wait_for until it is really done; the caller can go on
# to a second wait_for on its own.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

async def swallow(name, d, extra=0.0, then_raise=False):
    try:
        await asyncio.sleep(d)
        print("  ", name, "finished normally", T())
        return name
    except asyncio.CancelledError:
        print("  ", name, "swallowed the cancel", T())
    if extra:
        await asyncio.sleep(extra)
    if then_raise:
        raise ValueError(name)
    print("  ", name, "returns", T())
    return name + "-partial"

async def attempt(label, aw, timeout):
    try:
        print(label, "->", fmt(await asyncio.wait_for(aw, timeout)), T())
    except TimeoutError:
        print(label, "-> TimeoutError", T())
    except ValueError as e:
        print(label, "->", fmt(e), T())

async def started(coro):
    t = asyncio.create_task(coro)
    await asyncio.sleep(0)
    return t

async def main():
    await attempt("timeout 0.5", await started(swallow("a", 2)), 0.5)
    await attempt("timeout 0", await started(swallow("b", 2)), 0)
    await attempt("timeout -1", await started(swallow("c", 2, extra=0.3)), -1)
    await attempt("timeout None", await started(swallow("d", 0.4)), None)
    await attempt("raises", await started(swallow("e", 2, extra=0.1, then_raise=True)), 0.5)
    t = await started(swallow("f", 2, extra=1))
    await attempt("slow to finish", t, 0.2)
    print("f done", t.done(), T())
    t = await started(swallow("g", 3))
    await attempt("first", asyncio.shield(t), 0.5)
    await attempt("second", t, 0.5)
    print("not started, timeout 0:")
    await attempt("coroutine", swallow("h", 1), 0)

loop.run_until_complete(main())
loop.close()
