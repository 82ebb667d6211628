# shutdown_default_executor(): afterwards run_in_executor(None, ...) raises RuntimeError at
# the call, and so does to_thread() when awaited, while an explicit executor still works.
# Calling it again returns at once, and so does calling it on a loop that never made a
# default executor.
import asyncio
import concurrent.futures
from vloop import fmt


def square(x):
    return x * x


async def main():
    loop = asyncio.get_running_loop()
    print("before:", await loop.run_in_executor(None, square, 4))
    await loop.shutdown_default_executor()
    print("shut down")
    try:
        loop.run_in_executor(None, square, 5)
    except RuntimeError as e:
        print("run_in_executor(None):", fmt(e))
    coro = asyncio.to_thread(square, 6)
    print("to_thread() made without error")
    try:
        await coro
    except RuntimeError as e:
        print("awaiting it:", fmt(e))
    with concurrent.futures.ThreadPoolExecutor() as pool:
        print("an explicit executor:", await loop.run_in_executor(pool, square, 7))
    await loop.shutdown_default_executor()
    print("shut down again")


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
loop.run_until_complete(main())
loop.close()

fresh = asyncio.new_event_loop()
print("a fresh loop's shutdown_default_executor():", fmt(fresh.run_until_complete(fresh.shutdown_default_executor())))
fresh.close()
