# Lock.acquire() is a coroutine: calling it without awaiting takes nothing; handed to
# create_task or gather it runs in a task of its own at that task's first step; awaited in a
# task it runs inline. The waiting task's repr shows the lock's waiter.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

def state(p):
    return repr(p).split("[")[1][:-2]

async def main():
    lock = asyncio.Lock()
    c = lock.acquire()
    print("called, not awaited:", state(lock))
    c.close()
    t = loop.create_task(lock.acquire())
    print("task made:", state(lock), t.done())
    await asyncio.sleep(0)
    print("task ran:", state(lock), t.done(), t.result())
    g = asyncio.gather(lock.acquire(), lock.acquire())
    await asyncio.sleep(0)
    print("gather of two acquires:", state(lock), g.done())
    lock.release()
    await asyncio.sleep(0)
    print("one released:", state(lock), g.done())
    lock.release()
    print("gather:", fmt(await g), state(lock))
    lock.release()
    print("end", state(lock))

loop.run_until_complete(main())
loop.close()
