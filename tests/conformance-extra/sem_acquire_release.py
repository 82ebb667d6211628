# Semaphore(3): acquires take units until none is left, then queue; release() hands a unit
# straight to the first waiter (the value stays 0); a newcomer queues behind waiters even
# when a unit is free (3.12's fairness); repr shows value and waiters. CPython's test_acquire.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

def state(p):
    return repr(p).split("[")[1][:-2]

async def main():
    sem = asyncio.Semaphore(3)
    print("new", state(sem), sem.locked())
    result = []
    print(await sem.acquire(), await sem.acquire(), state(sem), sem.locked())
    async def c(n):
        await sem.acquire()
        result.append(n)
        return n
    t1, t2, t3 = (loop.create_task(c(n)) for n in (1, 2, 3))
    await asyncio.sleep(0)
    print("step", fmt(result), state(sem), sem.locked())
    t4 = loop.create_task(c(4))
    sem.release()
    sem.release()
    print("released twice", state(sem), sem._value)
    await asyncio.sleep(0)
    print("step", fmt(result), state(sem), sem._value)
    sem.release()
    print(fmt(await asyncio.gather(t1, t2, t3, t4)), state(sem))
    sem2 = asyncio.Semaphore(1)
    await sem2.acquire()
    w = loop.create_task(sem2.acquire())
    await asyncio.sleep(0)
    sem2.release()
    print("unit handed to the waiter", state(sem2), sem2._value)
    print("waiter", await w, state(sem2))
    sem2.release()
    print("released", state(sem2))

loop.run_until_complete(main())
loop.close()
