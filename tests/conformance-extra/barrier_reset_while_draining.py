# Barrier reset while tasks drain or block (CPython's test_reset_barrier_when_tasks_half_draining,
# _half_blocking and test_reset_barrier_while_tasks_draining): parties that already passed are
# not affected, parties still waiting get BrokenBarrierError, and everyone can pass again.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

def state(p):
    return repr(p).split("[")[1][:-2]

N = 5

async def half_draining():
    barrier = asyncio.Barrier(N)
    results1 = []
    rest = N // 2
    async def coro(n):
        try:
            await barrier.wait()
        except asyncio.BrokenBarrierError:
            results1.append(n)
        else:
            if rest == barrier._count:
                print("half_draining: reset by", n, state(barrier))
                await barrier.reset()
    await asyncio.gather(*(coro(n) for n in range(N)))
    print("half_draining", fmt(results1), barrier.n_waiting, state(barrier))

async def half_blocking():
    barrier = asyncio.Barrier(N)
    log = []
    count = [0]
    async def coro(n):
        try:
            await barrier.wait()
        except asyncio.BrokenBarrierError:
            log.append("broken%d" % n)
            await barrier.wait()
        else:
            count[0] += 1
            if count[0] > N // 2:
                await barrier.reset()
                log.append("reset%d" % n)
                await barrier.wait()
            else:
                try:
                    await barrier.wait()
                except asyncio.BrokenBarrierError:
                    log.append("blocked%d" % n)
    await asyncio.gather(*(coro(n) for n in range(N)))
    print("half_blocking", fmt(log), state(barrier))

async def while_draining():
    barrier = asyncio.Barrier(N)
    log = []
    count = [0]
    async def coro(n):
        i = await barrier.wait()
        count[0] += 1
        if count[0] == N:
            await barrier.reset()
            log.append("reset%d" % n)
            await barrier.wait()
        else:
            try:
                await barrier.wait()
                log.append("second%d" % n)
            except Exception as e:
                log.append("error%d" % n)
        k = await barrier.wait()
        log.append("last%d:%d" % (n, k))
    await asyncio.gather(*(coro(n) for n in range(N)))
    print("while_draining", fmt(log), state(barrier))

async def main():
    await half_draining()
    await half_blocking()
    await while_draining()

loop.run_until_complete(main())
loop.close()
