# Barrier abort on error (CPython's test_abort_barrier_when_exception and _then_resetting):
# one party fails inside async with and aborts the barrier, the others get BrokenBarrierError;
# then all synchronize on a second barrier, one resets the first, and everyone passes it.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

def state(p):
    return repr(p).split("[")[1][:-2]

N = 5

async def main():
    barrier1 = asyncio.Barrier(N)
    barrier2 = asyncio.Barrier(N)
    log = []
    async def coro(n):
        try:
            async with barrier1 as i:
                if i == N // 2:
                    raise ValueError("party %d fails" % n)
            await barrier1.wait()
            log.append("passed%d" % n)
        except asyncio.BrokenBarrierError:
            log.append("broken%d" % n)
        except ValueError as e:
            log.append("failed%d" % n)
            await barrier1.abort()
            print("aborted by", n, state(barrier1))
        i = await barrier2.wait()
        if i == N // 2:
            await barrier1.reset()
            print("reset by", n, state(barrier1))
        await barrier2.wait()
        j = await barrier1.wait()
        return j
    res = await asyncio.gather(*(coro(n) for n in range(N)))
    print("log", fmt(log))
    print("indices", fmt(sorted(res)), state(barrier1), state(barrier2), barrier1.broken)

loop.run_until_complete(main())
loop.close()
