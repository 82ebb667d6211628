# Bad arguments to the task functions and Future/Task methods, each followed by proof that
# the loop still works: gather / wait / wait_for / ensure_future / create_task / shield /
# as_completed / run_coroutine_threadsafe given something that is not awaitable, wait's
# empty set and bad return_when (ValueError in asyncio: RangeError here), Futures of another
# loop (ValueError in asyncio: RuntimeError here), bad timeouts, create_task on a closed
# loop, set_result / set_exception on a Task, a task awaiting itself or a Future of another
# loop. Only error classes are printed. Valid edges: wait(timeout=-1) returns at once with
# everything pending; wait_for(fut, -1) cancels fut and raises TimeoutError.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
other = VirtualLoop()
closed = VirtualLoop()
closed.close()
def T(): return "%.3f" % loop.time()

RANGE = {"ValueError": "RangeError"}
LOOPS = {"ValueError": "RuntimeError"}

async def ok(tag):
    await asyncio.sleep(0.125)
    return "ok"

async def attempt(tag, make, mapping=None):
    try:
        r = await make()
        print(tag, "-> no error:", fmt(r), T())
    except (TypeError, ValueError, RuntimeError, TimeoutError) as e:
        n = ename(e)
        print(tag, "->", (mapping or {}).get(n, n), T())
    print("  still works:", await asyncio.ensure_future(ok(tag)), T())

def attempt_sync(tag, call, mapping=None):
    try:
        call()
        print(tag, "-> no error")
    except (TypeError, ValueError, RuntimeError) as e:
        n = ename(e)
        print(tag, "->", (mapping or {}).get(n, n))

async def job(tag):
    print(tag, "runs", T())
    await asyncio.sleep(0.5)
    return tag

async def main():
    fut = loop.create_future()
    ofut = other.create_future()

    print("-- gather")
    await attempt("gather(42)", lambda: asyncio.gather(42))
    await attempt("gather(fut, 'x')", lambda: asyncio.gather(fut, "x"))
    await attempt("gather(other loop's, fut)", lambda: asyncio.gather(ofut, fut), LOOPS)

    print("-- wait")
    await attempt("wait([])", lambda: asyncio.wait([]), RANGE)
    await attempt("wait(fut)", lambda: asyncio.wait(fut))
    c = job("never")
    await attempt("wait(coroutine)", lambda: asyncio.wait(c))
    c.close()
    await attempt("wait(return_when='SOMETIMES')", lambda: asyncio.wait([fut], return_when="SOMETIMES"), RANGE)
    await attempt("wait(timeout='1')", lambda: asyncio.wait([fut], timeout="1"))
    done, pending = await asyncio.wait([fut], timeout=-1)
    print("wait(timeout=-1): done", len(done), "pending", len(pending), T())

    print("-- wait_for")
    await attempt("wait_for(fut, 'x')", lambda: asyncio.wait_for(fut, "x"))
    await attempt("wait_for(42, 1)", lambda: asyncio.wait_for(42, 1))
    f2 = loop.create_future()
    await attempt("wait_for(pending, -1)", lambda: asyncio.wait_for(f2, -1))
    print("  the future was cancelled:", f2.cancelled())

    print("-- ensure_future / create_task / shield")
    attempt_sync("ensure_future(42)", lambda: asyncio.ensure_future(42))
    attempt_sync("ensure_future('s')", lambda: asyncio.ensure_future("s"))
    attempt_sync("ensure_future(fut, loop=other)", lambda: asyncio.ensure_future(fut, loop=other), LOOPS)
    attempt_sync("create_task(42)", lambda: loop.create_task(42))
    attempt_sync("create_task(fut)", lambda: loop.create_task(fut))
    attempt_sync("create_task(job)", lambda: loop.create_task(job))
    c = job("never")
    attempt_sync("closed.create_task(coro)", lambda: closed.create_task(c))
    c.close()
    attempt_sync("shield(42)", lambda: asyncio.shield(42))
    print("  still works:", await job("after"), T())

    print("-- as_completed")
    for tag, make in (("as_completed(fut)", lambda: asyncio.as_completed(fut)),
                      ("as_completed([42])", lambda: asyncio.as_completed([42])),
                      ("as_completed(timeout='x')", lambda: asyncio.as_completed([fut], timeout="x"))):
        try:
            for f in make():
                await f
        except TypeError as e:
            print(tag, "->", ename(e))
    print("  still works:", await ok("as_completed"), T())

    print("-- run_coroutine_threadsafe")
    attempt_sync("run_coroutine_threadsafe(42)", lambda: asyncio.run_coroutine_threadsafe(42, loop))
    attempt_sync("run_coroutine_threadsafe(fut)", lambda: asyncio.run_coroutine_threadsafe(fut, loop))

    print("-- Task methods")
    t = asyncio.ensure_future(job("t"))
    attempt_sync("task.set_result", lambda: t.set_result(1))
    attempt_sync("task.set_exception", lambda: t.set_exception(ValueError("x")))
    print("  task still runs:", await t, T())

    async def self_await():
        try:
            await asyncio.current_task()
        except RuntimeError as e:
            print("awaiting itself ->", ename(e), T())
        try:
            await ofut
        except RuntimeError as e:
            print("awaiting another loop's future ->", ename(e), T())
        return "survived"
    print("  self_await:", await asyncio.ensure_future(self_await()), T())
    fut.cancel()

loop.run_until_complete(main())
print("end", T())
