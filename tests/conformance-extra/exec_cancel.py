# Cancelling the loop Future of an executor call. A call still waiting in the executor's
# queue is cancelled with it and never runs. A call a thread already runs cannot be
# stopped: its loop Future is cancelled, the concurrent future's cancel() says False, the
# thread runs to its end, and that end is only visible through the concurrent future.
import asyncio
import concurrent.futures
import threading
from vloop import fmt

ran = []


def held(started, gate, value):
    started.set()
    gate.wait(30)
    return value


def record(name):
    ran.append(name)
    return name


async def main():
    loop = asyncio.get_running_loop()
    pool = concurrent.futures.ThreadPoolExecutor(max_workers=1)
    started, gate = threading.Event(), threading.Event()
    first = loop.run_in_executor(pool, held, started, gate, "first")
    queued = loop.run_in_executor(pool, record, "queued")
    print("cancel the queued call:", queued.cancel(), "cancelled:", queued.cancelled())
    await loop.run_in_executor(None, started.wait, 30)
    gate.set()
    print("first:", await first)
    print("next:", await loop.run_in_executor(pool, record, "next"))
    print("ran:", fmt(ran))

    started, gate = threading.Event(), threading.Event()
    cf = pool.submit(held, started, gate, "ran to its end")
    fut = asyncio.wrap_future(cf)
    await loop.run_in_executor(None, started.wait, 30)
    print("running:", cf.running(), "cancel the loop Future:", fut.cancel())
    await asyncio.sleep(0)
    print("concurrent future: cancel()", cf.cancel(), "running", cf.running(), "cancelled", cf.cancelled())
    gate.set()
    print("the thread's result:", await asyncio.wrap_future(cf))
    print("the loop Future: cancelled", fut.cancelled())
    try:
        fut.result()
    except asyncio.CancelledError as e:
        print("its result() raises", type(e).__name__)
    pool.shutdown(wait=True)


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
loop.run_until_complete(main())
loop.close()
