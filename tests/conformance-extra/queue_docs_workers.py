# The asyncio-queue documentation's example, made deterministic: a queue of 20 work items
# (sleep times from a fixed linear congruential generator instead of random.uniform), three
# workers that sleep for each, join() to wait until all are processed, then the workers are
# cancelled and gathered. Virtual time replaces time.monotonic().
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

class Lcg:
    def __init__(self, seed):
        self.state = seed
    def uniform(self, a, b):
        self.state = (self.state * 1103515245 + 12345) % 2147483648
        return a + (b - a) * (self.state / 2147483648)

rng = Lcg(2024)

async def worker(name, queue):
    while True:
        sleep_for = await queue.get()
        await asyncio.sleep(sleep_for)
        queue.task_done()
        print(f"{name} has slept for {sleep_for:.2f} seconds")

async def main():
    queue = asyncio.Queue()
    total_sleep_time = 0
    for _ in range(20):
        sleep_for = rng.uniform(0.05, 1.0)
        total_sleep_time += sleep_for
        queue.put_nowait(sleep_for)
    tasks = []
    for i in range(3):
        task = asyncio.create_task(worker(f"worker-{i}", queue))
        tasks.append(task)
    started_at = loop.time()
    await queue.join()
    total_slept_for = loop.time() - started_at
    for task in tasks:
        task.cancel()
    print(fmt(await asyncio.gather(*tasks, return_exceptions=True)))
    print("====")
    print(f"3 workers slept in parallel for {total_slept_for:.2f} seconds")
    print(f"total expected sleep time: {total_sleep_time:.2f} seconds")

loop.run_until_complete(main())
loop.close()
