# PriorityQueue returns the smallest item first, comparing lists element by element as Python
# compares tuples (ties on the first element fall to the second; None equals None); ints,
# floats and strings order as in Python; an item that cannot be compared with the one it
# meets raises TypeError from put_nowait.
# LifoQueue returns the newest item first. The repr lists the heap as stored.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

def info(q):
    return str(q)[len(type(q).__name__) + 2:-1]

async def main():
    q = asyncio.PriorityQueue()
    for item in ([3, "c"], [1, "b"], [2, "x"], [1, "a"], [2.5, "y"], [0, "z", 1], [0, "z"]):
        await q.put(item)
    print("heap", info(q))
    print("order", fmt([await q.get() for _ in range(q.qsize())]))
    for s in ("banana", "apple", "Cherry", "apple pie", "", "\u00e9clair"):
        q.put_nowait(s)
    print("strings", fmt([q.get_nowait() for _ in range(q.qsize())]))
    for n in (5, -1, 2.5, 10**3, 0, -7.25):
        q.put_nowait(n)
    print("numbers", fmt([q.get_nowait() for _ in range(q.qsize())]))
    q.put_nowait(1)
    try:
        q.put_nowait("one")
    except TypeError as e:
        print("mixed:", fmt(e))
    q = asyncio.PriorityQueue()
    class Job:
        pass
    q.put_nowait([2, Job()])
    try:
        q.put_nowait([2, Job()])
    except TypeError as e:
        print("tie on a Job:", fmt(e))
    q = asyncio.PriorityQueue()
    q.put_nowait([1, None])
    q.put_nowait([1, None])
    q.put_nowait([0, Job()])
    q.put_nowait([2, Job()])
    print("ties on None", fmt([q.get_nowait()[0] for _ in range(q.qsize())]), info(q))
    lq = asyncio.LifoQueue()
    for i in (1, 3, 2):
        await lq.put(i)
    print("lifo", info(lq), fmt([await lq.get() for _ in range(3)]))

loop.run_until_complete(main())
loop.close()
