# asyncio-task.rst's to_thread example: blocking_io() sleeps a second in a thread while
# asyncio.sleep(1) runs on the loop, both under gather, so main takes about one second, not
# two (the times are printed as "about N s" from the loop's clock). What the thread prints
# comes out in order around it. Then a ThreadPoolExecutor(max_workers=1) of our own with
# run_in_executor: calls queue behind each other, an exception comes back as itself, and a
# queued call cancelled before it starts never runs.
import asyncio
import concurrent.futures
import time


def blocking_io():
    print("start blocking_io")
    # Note that time.sleep() can be replaced with any blocking
    # IO-bound operation, such as file operations.
    time.sleep(1)
    print("blocking_io complete")


def slow_square(x):
    time.sleep(0.2)
    print("  squared", x)
    return x * x


def fail(msg):
    raise ValueError(msg)


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    print("started main")
    await asyncio.gather(
        asyncio.to_thread(blocking_io),
        asyncio.sleep(1))
    print(f"finished main in about {round(loop.time() - start)} s")

    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        a = loop.run_in_executor(pool, slow_square, 3)
        b = loop.run_in_executor(pool, fail, "no good")
        c = loop.run_in_executor(pool, slow_square, 4)
        d = loop.run_in_executor(pool, slow_square, 5)
        d.cancel()
        res = await asyncio.gather(a, b, c, return_exceptions=True)
        print("results", [r if not isinstance(r, Exception) else f"{type(r).__name__}: {r}" for r in res])
        await asyncio.sleep(0.5)
        print("d cancelled", d.cancelled())


asyncio.run(main())
