# Barrier cancellation, reset and abort: a waiter cancelled while filling leaves (n_waiting
# drops) and the barrier still needs the full count; reset() while tasks wait gives them
# BrokenBarrierError and returns the barrier to filling; abort() breaks it for everyone,
# now and later, until reset().
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

def state(p):
    return repr(p).split("[")[1][:-2]

async def waiter(b, name):
    try:
        i = await b.wait()
    except asyncio.BrokenBarrierError as e:
        print(name, "broken:", fmt(e), state(b))
        return name + ":broken"
    except asyncio.CancelledError:
        print(name, "cancelled", state(b))
        raise
    return i

async def main():
    b = asyncio.Barrier(3)
    t1 = loop.create_task(waiter(b, "t1"))
    t2 = loop.create_task(waiter(b, "t2"))
    await asyncio.sleep(0)
    print("two waiting", state(b))
    t1.cancel()
    await asyncio.sleep(0)
    print("after cancel", state(b), b.n_waiting)
    t3 = loop.create_task(waiter(b, "t3"))
    await asyncio.sleep(0)
    print("two again", state(b))
    t4 = loop.create_task(waiter(b, "t4"))
    print("passed", fmt(await asyncio.gather(t1, t2, t3, t4, return_exceptions=True)), state(b))
    ws = [loop.create_task(waiter(b, "r%d" % i)) for i in range(2)]
    await asyncio.sleep(0)
    await b.reset()
    print("reset while two wait", state(b))
    print("reset results", fmt(await asyncio.gather(*ws)), state(b))
    await b.reset()
    print("reset of an empty barrier", state(b))
    ws = [loop.create_task(waiter(b, "a%d" % i)) for i in range(2)]
    await asyncio.sleep(0)
    await b.abort()
    print("aborted", state(b), b.broken, b.n_waiting)
    print("abort results", fmt(await asyncio.gather(*ws)), state(b))
    print("wait on a broken barrier:", await waiter(b, "late"))
    await b.reset()
    print("reset after abort", state(b), b.broken)
    print("passes again", fmt(await asyncio.gather(*(b.wait() for _ in range(3)))), state(b))

loop.run_until_complete(main())
loop.close()
