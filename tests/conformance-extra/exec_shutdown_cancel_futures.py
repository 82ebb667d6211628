# shutdown(wait=False, cancel_futures=True) while calls wait in the queue: they are cancelled
# at once, and their loop Futures follow at the next loop iteration; the call a thread runs
# is not cancelled and still delivers its result.
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
    pool = concurrent.futures.ThreadPoolExecutor(max_workers=1)
    started, gate = threading.Event(), threading.Event()
    first = loop.run_in_executor(pool, held, started, gate, "first")
    waiting = [loop.run_in_executor(pool, square, i) for i in range(3)]
    await loop.run_in_executor(None, started.wait, 30)
    pool.shutdown(wait=False, cancel_futures=True)
    print("right after shutdown, the loop Futures are cancelled:", fmt([f.cancelled() for f in waiting]))
    await asyncio.sleep(0)
    print("one iteration later:", fmt([f.cancelled() for f in waiting]))
    print("the running call: cancelled", first.cancelled())
    gate.set()
    print("it delivers:", await first)


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
loop.run_until_complete(main())
loop.close()
