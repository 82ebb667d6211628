# shutdown_default_executor() waits for the call a thread is running: it stays pending while
# the call is blocked, and returns once the call has finished (its Future then done with its
# result). A call queued behind it still runs before the shutdown completes.
import asyncio
import concurrent.futures
import threading
from vloop import fmt


def held(started, gate, value):
    started.set()
    gate.wait(30)
    return value


def square(x):
    return x * x


async def main():
    loop = asyncio.get_running_loop()
    loop.set_default_executor(concurrent.futures.ThreadPoolExecutor(max_workers=1))
    started, gate = threading.Event(), threading.Event()
    fut = loop.run_in_executor(None, held, started, gate, "finished during the shutdown")
    queued = loop.run_in_executor(None, square, 9)
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as helper:
        await loop.run_in_executor(helper, started.wait, 30)
    shutdown = asyncio.ensure_future(loop.shutdown_default_executor())
    await asyncio.sleep(0)
    print("shutdown pending while the call is blocked:", not shutdown.done())
    gate.set()
    await shutdown
    print("shutdown done; the call:", fut.done(), fmt(fut.result()))
    print("the queued call:", queued.done(), queued.result())


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
loop.run_until_complete(main())
loop.close()
