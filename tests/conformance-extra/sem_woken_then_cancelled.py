# Semaphore bookkeeping when woken waiters are cancelled before they run (3.12.1): the unit
# set aside for a woken waiter goes back and wakes the next; a task arriving while woken
# waiters are on their way queues behind them; releases while a woken waiter is on its way
# are passed on when it runs (the value shown after each step).
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

def state(p):
    return repr(p).split("[")[1][:-2]

async def taker(sem, name, log):
    await sem.acquire()
    log.append(name)
    return name

async def main():
    sem = asyncio.Semaphore(0)
    log = []
    ts = [loop.create_task(taker(sem, "t%d" % i, log)) for i in range(4)]
    await asyncio.sleep(0)
    sem.release()
    sem.release()
    print("two released", state(sem), sem._value)
    ts[0].cancel()
    late = loop.create_task(taker(sem, "late", log))
    await asyncio.sleep(0)
    print("after a step", fmt(log), state(sem), sem._value)
    sem.release()
    sem.release()
    sem.release()
    print("three more", state(sem), sem._value)
    await asyncio.sleep(0)
    print("after a step", fmt(log), state(sem), sem._value)
    res = await asyncio.gather(*ts, late, return_exceptions=True)
    print("results", fmt(res), state(sem), sem._value)

loop.run_until_complete(main())
loop.close()
