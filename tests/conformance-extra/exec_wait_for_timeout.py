# wait_for() around an executor call that outlasts its timeout: TimeoutError, the loop Future
# is cancelled, but the thread cannot be interrupted: it runs on to its end (the next call
# on the one-thread executor waits for it). The executor then takes new work.
import asyncio
import concurrent.futures
import threading
from vloop import fmt, ename


def held(gate, value):
    gate.wait(30)
    return value


def square(x):
    return x * x


async def main():
    loop = asyncio.get_running_loop()
    pool = concurrent.futures.ThreadPoolExecutor(max_workers=1)
    gate = threading.Event()
    fut = loop.run_in_executor(pool, held, gate, "too late")
    try:
        await asyncio.wait_for(fut, timeout=0.05)
    except TimeoutError as e:
        print("wait_for raised", ename(e))
    print("the loop Future: cancelled", fut.cancelled())
    after = loop.run_in_executor(pool, square, 12)
    await asyncio.sleep(0)
    print("the next call waits for the thread:", not after.done())
    gate.set()
    print("next call:", await after)
    print("in time:", await asyncio.wait_for(loop.run_in_executor(pool, square, 3), timeout=60))
    pool.shutdown(wait=True)


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
loop.run_until_complete(main())
loop.close()
