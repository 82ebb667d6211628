# ThreadPoolExecutor.submit() returns a concurrent.futures.Future; asyncio.wrap_future() makes
# a loop Future that follows it (wrap_future of a loop Future returns it unchanged). A done
# concurrent future: result(), exception(), cancel() is False, a done callback added late runs
# at once. After shutdown(), submit() raises RuntimeError.
import asyncio
import concurrent.futures
from vloop import fmt


def square(x):
    return x * x


def refuse(x):
    raise ValueError("refused %d" % x)


async def main():
    loop = asyncio.get_running_loop()
    pool = concurrent.futures.ThreadPoolExecutor(max_workers=2)
    cf = pool.submit(square, 8)
    fut = asyncio.wrap_future(cf)
    print("wrap_future gives a loop Future:", asyncio.isfuture(fut), fut.get_loop() is loop)
    print("awaited:", await fut)
    print("concurrent future: done", cf.done(), "result", cf.result(), "exception", cf.exception())
    print("cancel() when done:", cf.cancel(), "cancelled:", cf.cancelled())
    seen = []
    cf.add_done_callback(lambda f: seen.append(f.result()))
    print("a late done callback ran at once:", seen)
    print("wrap_future of a loop Future returns it:", asyncio.wrap_future(fut) is fut)
    bad = pool.submit(refuse, 3)
    try:
        await asyncio.wrap_future(bad)
    except ValueError as e:
        print("awaited the failing one:", fmt(e))
    print("its exception():", fmt(bad.exception()))
    try:
        bad.result()
    except ValueError as e:
        print("its result() raises:", fmt(e))
    pool.shutdown(wait=True)
    try:
        pool.submit(square, 1)
    except RuntimeError as e:
        print("submit after shutdown:", fmt(e))


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
loop.run_until_complete(main())
loop.close()
