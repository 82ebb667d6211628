# asyncio-queue.rst's example — workers, join(), cancel the workers, gather with
# return_exceptions — with fixed sleep times instead of random ones, fed through a
# PriorityQueue of (priority, seq, delay) tuples, so the order of the work is the heap's,
# ties broken by the second element. Then tuple ordering corners: equal first elements,
# shorter tuple first, nested tuples; get_nowait on an empty queue; task_done too often.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

async def worker(name, queue, log):
    while True:
        prio, seq, sleep_for = await queue.get()
        await asyncio.sleep(sleep_for)
        queue.task_done()
        log.append(seq)
        print(f"{name} has slept for {sleep_for:.3f} seconds (prio {prio}, seq {seq}) {T()}")

async def main():
    queue = asyncio.PriorityQueue()
    log = []
    total_sleep_time = 0
    delays = [0.25, 0.5, 0.125, 0.75, 0.375, 0.625, 0.9, 1.125, 1.05, 1.3]
    prios = [3, 1, 2, 1, 3, 2, 1, 3, 2, 1]
    for seq, (p, d) in enumerate(zip(prios, delays)):
        total_sleep_time += d
        queue.put_nowait((p, seq, d))

    tasks = []
    for i in range(3):
        tasks.append(asyncio.create_task(worker(f'worker-{i}', queue, log)))

    started_at = loop.time()
    await queue.join()
    total_slept_for = loop.time() - started_at

    for task in tasks:
        task.cancel()
    res = await asyncio.gather(*tasks, return_exceptions=True)
    print([ename(r) for r in res])

    print('====')
    print(f'3 workers slept in parallel for {total_slept_for:.3f} seconds')
    print(f'total expected sleep time: {total_sleep_time:.4f} seconds')
    print('order of work', log)

    q = asyncio.PriorityQueue()
    for items in [[(2, "b"), (1, "z"), (2, "a"), (1,), (1, "z", 0), (1, "y")],
                  [((0, 5), "n"), ((0, 1), "m"), ((0, 1), "l"), ((0,), "k")]]:
        for item in items:
            q.put_nowait(item)
        out = []
        while not q.empty():
            out.append(q.get_nowait())
        print(out)
    try:
        q.get_nowait()
    except asyncio.QueueEmpty as e:
        print("get_nowait:", ename(e))
    for i in range(12):
        try:
            q.task_done()
        except ValueError as e:
            print("task_done call", i, ename(e))
            break

loop.run_until_complete(main())
loop.close()
