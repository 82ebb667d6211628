# Lock errors leave it usable: release() of an unlocked lock is a RuntimeError; an exception in
# an async with body releases the lock and propagates; a Lock is not awaitable itself
# (TypeError). A lock that made a task wait on one loop is bound to it: a task that has to
# wait on it from another loop gets RuntimeError (the fast path never looks at the loop).
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

def state(p):
    return repr(p).split("[")[1][:-2]

lock = asyncio.Lock()

async def body_fails():
    async with lock:
        print("in body", state(lock))
        raise ValueError("boom")

async def main():
    try:
        lock.release()
    except RuntimeError as e:
        print("release unlocked:", fmt(e))
    try:
        await body_fails()
    except ValueError as e:
        print("body raised", fmt(e), state(lock))
    try:
        await lock
    except TypeError as e:
        print("await lock:", ename(e), state(lock))
    await lock.acquire()
    t = loop.create_task(lock.acquire())
    await asyncio.sleep(0)
    print("bound by a wait", state(lock))
    lock.release()
    print("waiter got it:", await t, state(lock))
    lock.release()

async def other_loop():
    print("other loop fast path:", await lock.acquire(), state(lock))
    try:
        await lock.acquire()
    except RuntimeError as e:
        print("other loop must wait:", ename(e), "bound to a different event loop" in str(e), state(lock))
    lock.release()
    print("other loop released", state(lock))

loop.run_until_complete(main())
loop2 = VirtualLoop()
loop2.run_until_complete(other_loop())
loop2.close()

async def again():
    await lock.acquire()
    t = loop.create_task(lock.acquire())
    await asyncio.sleep(0)
    lock.release()
    print("first loop still works:", await t, state(lock))

loop.run_until_complete(again())
loop.close()
