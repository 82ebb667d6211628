# ThreadPoolExecutor(max_workers=3) runs three calls at the same time: they wait at a
# barrier that only three calls running together can pass, so all three pass. A fourth call
# queued behind them runs once a thread is free. Results come in argument order.
import asyncio
import concurrent.futures
import threading
from vloop import fmt


def meet(barrier, name):
    barrier.wait(30)
    return name + " met"


def alone(name):
    return name + " ran after"


async def main():
    loop = asyncio.get_running_loop()
    with concurrent.futures.ThreadPoolExecutor(max_workers=3) as pool:
        barrier = threading.Barrier(3)
        calls = [loop.run_in_executor(pool, meet, barrier, name) for name in ("a", "b", "c")]
        calls.append(loop.run_in_executor(pool, alone, "d"))
        print(fmt(await asyncio.gather(*calls)))


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
loop.run_until_complete(main())
loop.close()
