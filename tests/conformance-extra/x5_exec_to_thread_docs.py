# asyncio-task.rst's to_thread example: blocking_io() blocks in a thread while asyncio.sleep(1)
# runs on the loop, both under gather. Here it blocks until the loop opens a gate after that
# second, which only a loop running meanwhile can do (the docs' time.sleep(1) and printed times
# would leave the result to how fast a busy machine starts the thread). What the thread prints
# comes out in order around it. Then a ThreadPoolExecutor(max_workers=1) of our own with
# run_in_executor: calls queue behind each other, an exception comes back as itself, and a
# queued call cancelled before it starts never runs.
import asyncio
import concurrent.futures
import threading
import time


def blocking_io(gate):
    print("start blocking_io")
    # Note that time.sleep() can be replaced with any blocking
    # IO-bound operation, such as file operations.
    opened = gate.wait(30)
    print("blocking_io complete; the loop opened the gate:", opened)


async def open_gate(gate):
    await asyncio.sleep(1)
    gate.set()


def slow_square(x):
    time.sleep(0.2)
    print("  squared", x)
    return x * x


def fail(msg):
    raise ValueError(msg)


async def main():
    loop = asyncio.get_running_loop()
    print("started main")
    gate = threading.Event()
    await asyncio.gather(
        asyncio.to_thread(blocking_io, gate),
        open_gate(gate))
    print("finished main")

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
