# Semaphore FIFO order (CPython's test_acquire_fifo_order, _2 and _3): tasks that release and
# re-acquire go to the back of the line; a task that re-acquires right after releasing does
# not jump the queue; a waiter cancelled before any release is skipped.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

async def order1():
    sem = asyncio.Semaphore(1)
    result = []
    async def coro(tag):
        await sem.acquire()
        result.append(f"{tag}_1")
        await asyncio.sleep(0.01)
        sem.release()
        await sem.acquire()
        result.append(f"{tag}_2")
        await asyncio.sleep(0.01)
        sem.release()
    await asyncio.gather(coro("c1"), coro("c2"), coro("c3"))
    print("order1", fmt(result), T())

async def order2():
    sem = asyncio.Semaphore(1)
    result = []
    async def c1():
        await sem.acquire()
        result.append(1)
        return True
    async def c2():
        await sem.acquire()
        result.append(2)
        sem.release()
        await sem.acquire()
        result.append(4)
        return True
    async def c3():
        await sem.acquire()
        result.append(3)
        return True
    tasks = [loop.create_task(c()) for c in (c1, c2, c3)]
    await asyncio.sleep(0)
    sem.release()
    sem.release()
    print("order2", fmt(await asyncio.gather(*tasks)), fmt(result))

async def order3():
    sem = asyncio.Semaphore(0)
    result = []
    async def c(n):
        await sem.acquire()
        result.append(n)
        return n
    tasks = [loop.create_task(c(n)) for n in (1, 2, 3)]
    await asyncio.sleep(0)
    tasks[0].cancel()
    await asyncio.sleep(0)
    sem.release()
    sem.release()
    print("order3", fmt(await asyncio.gather(*tasks, return_exceptions=True)), fmt(result))

async def main():
    await order1()
    await order2()
    await order3()

loop.run_until_complete(main())
loop.close()
