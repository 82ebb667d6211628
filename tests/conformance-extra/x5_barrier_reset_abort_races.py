# Barrier corner cases from CPython's test_locks, with five parties and a trace of who does
# what in which order: reset() while half the tasks drain and half block again; reset()
# while N-1 wait and then waiting again in `finally`; abort() while tasks drain and block;
# abort after an exception inside `async with barrier`, then reset through a second barrier.
# The state part of repr() is printed at the end of each case.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
N = 5

def state(b):
    return "[" + repr(b).split("[", 1)[1]

async def run(n, coro):
    tasks = [asyncio.create_task(coro(i)) for i in range(n)]
    return await asyncio.gather(*tasks)

async def half_draining_half_blocking_reset():
    barrier = asyncio.Barrier(N)
    log = []
    count = 0
    async def coro(i):
        nonlocal count
        try:
            idx = await barrier.wait()
            log.append("p%d passed as %d" % (i, idx))
        except asyncio.BrokenBarrierError:
            log.append("p%d broken, waits again" % i)
            idx = await barrier.wait()
            log.append("p%d passed round 2 as %d" % (i, idx))
        else:
            count += 1
            if count > N // 2:
                log.append("p%d resets" % i)
                await barrier.reset()
                idx = await barrier.wait()
                log.append("p%d passed round 2 as %d" % (i, idx))
            else:
                try:
                    idx = await barrier.wait()
                    log.append("p%d passed round 2 as %d" % (i, idx))
                except asyncio.BrokenBarrierError:
                    log.append("p%d broken (never)" % i)
    await run(N, coro)
    return log, barrier

async def waiting_and_waiting_again():
    barrier = asyncio.Barrier(N)
    log = []
    async def coro1(i):
        try:
            await barrier.wait()
        except asyncio.BrokenBarrierError:
            log.append("p%d broken" % i)
        finally:
            idx = await barrier.wait()
            log.append("p%d passed in finally as %d" % (i, idx))
    async def coro2():
        async with barrier as idx:
            log.append("late party passed as %d" % idx)
    tasks = [asyncio.create_task(coro1(i)) for i in range(N - 1)]
    await asyncio.sleep(0)
    asyncio.create_task(barrier.reset())
    await asyncio.sleep(0)
    log.append("after reset: " + state(barrier))
    asyncio.create_task(coro2())
    await asyncio.gather(*tasks)
    return log, barrier

async def half_draining_abort():
    barrier = asyncio.Barrier(N)
    log = []
    count = 0
    async def coro(i):
        nonlocal count
        try:
            await barrier.wait()
        except asyncio.BrokenBarrierError:
            log.append("p%d broken while draining" % i)
        else:
            count += 1
            if count > N // 2:
                log.append("p%d aborts" % i)
                await barrier.abort()
            else:
                try:
                    await barrier.wait()
                except asyncio.BrokenBarrierError:
                    log.append("p%d broken while blocked" % i)
    await run(N, coro)
    return log, barrier

async def exception_then_reset():
    b1 = asyncio.Barrier(N)
    b2 = asyncio.Barrier(N)
    log = []
    async def coro(i):
        try:
            async with b1 as k:
                if k == N // 2:
                    log.append("p%d raises inside (index %d)" % (i, k))
                    raise RuntimeError
            await b1.wait()
            log.append("p%d passed (never)" % i)
        except asyncio.BrokenBarrierError:
            log.append("p%d broken" % i)
        except RuntimeError:
            log.append("p%d aborts" % i)
            await b1.abort()
        k = await b2.wait()
        if k == N // 2:
            log.append("p%d resets b1; b1 %s" % (i, state(b1)))
            await b1.reset()
        await b2.wait()
        await b1.wait()
        log.append("p%d through b1" % i)
    await run(N, coro)
    return log, b1

async def main():
    for case in [half_draining_half_blocking_reset, waiting_and_waiting_again,
                 half_draining_abort, exception_then_reset]:
        print(case.__name__)
        log, b = await case()
        for line in log:
            print("  ", line)
        print("   end:", state(b), "broken", b.broken, "n_waiting", b.n_waiting)

loop.run_until_complete(main())
loop.close()
