# How many loop iterations each operation takes, counted by a ticker task that advances a
# counter once per iteration: TaskGroup exit after children, timeout() around quick work,
# Event/Queue/Lock/Condition/Semaphore/Barrier hand-offs between tasks, gather of done
# and pending things, shield, wait_for on a coroutine and a zero timeout, wait(),
# as_completed, a done Future awaited, and create_task with an eager factory.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
ticks = 0

async def ticker():
    global ticks
    while True:
        await asyncio.sleep(0)
        ticks += 1

async def nothing(v=None):
    return v

async def yields(n, v=None):
    for _ in range(n):
        await asyncio.sleep(0)
    return v

async def case(name, make):
    start = ticks
    try:
        r = await make()
        print("%-28s %d  %s" % (name, ticks - start, fmt(r)))
    except BaseException as e:
        print("%-28s %d  raised %s" % (name, ticks - start, ename(e)))

async def main():
    tk = asyncio.create_task(ticker())
    await asyncio.sleep(0)

    async def tg_children():
        async with asyncio.TaskGroup() as tg:
            tg.create_task(nothing())
            tg.create_task(yields(2))
        return "tg"
    await case("taskgroup 2 children", tg_children)

    async def tg_empty():
        async with asyncio.TaskGroup():
            pass
        return "empty"
    await case("taskgroup empty", tg_empty)

    async def timeout_quick():
        async with asyncio.timeout(5):
            return await yields(1, "t")
    await case("timeout quick body", timeout_quick)

    async def event_handoff():
        ev = asyncio.Event()
        async def setter():
            ev.set()
        asyncio.create_task(setter())
        return await ev.wait()
    await case("event set by task", event_handoff)

    async def queue_handoff():
        q = asyncio.Queue()
        async def putter():
            await q.put(1)
        asyncio.create_task(putter())
        return await q.get()
    await case("queue get from putter", queue_handoff)

    async def queue_full():
        q = asyncio.Queue(1)
        q.put_nowait(0)
        async def getter():
            return await q.get()
        asyncio.create_task(getter())
        await q.put(1)
        return q.qsize()
    await case("queue put when full", queue_full)

    async def lock_handoff():
        lock = asyncio.Lock()
        await lock.acquire()
        async def holder():
            lock.release()
        asyncio.create_task(holder())
        r = await lock.acquire()
        lock.release()
        return r
    await case("lock hand-off", lock_handoff)

    async def cond_notify():
        c = asyncio.Condition()
        async def notifier():
            async with c:
                c.notify()
        async with c:
            asyncio.create_task(notifier())
            return await c.wait()
    await case("condition notify", cond_notify)

    async def sem_handoff():
        s = asyncio.Semaphore(0)
        async def releaser():
            s.release()
        asyncio.create_task(releaser())
        return await s.acquire()
    await case("semaphore hand-off", sem_handoff)

    async def barrier2():
        b = asyncio.Barrier(2)
        t = asyncio.create_task(b.wait())
        r = await b.wait()
        return [r, await t]
    await case("barrier of 2", barrier2)

    async def gather_done():
        f = loop.create_future()
        f.set_result(1)
        return await asyncio.gather(f, f)
    await case("gather done futures", gather_done)

    async def gather_coros():
        return await asyncio.gather(nothing(1), yields(1, 2))
    await case("gather coroutines", gather_coros)

    async def gather_empty():
        return await asyncio.gather()
    await case("gather empty", gather_empty)

    async def shield_coro():
        return await asyncio.shield(nothing("s"))
    await case("shield coroutine", shield_coro)

    async def wait_for_coro():
        return await asyncio.wait_for(yields(1, "w"), 5)
    await case("wait_for coroutine", wait_for_coro)

    async def wait_for_none():
        return await asyncio.wait_for(nothing("n"), None)
    await case("wait_for timeout None", wait_for_none)

    async def wait_for_zero():
        return await asyncio.wait_for(nothing("z"), 0)
    await case("wait_for timeout 0", wait_for_zero)

    async def wait_for_zero_done():
        f = loop.create_future()
        f.set_result("d")
        return await asyncio.wait_for(f, 0)
    await case("wait_for 0 done future", wait_for_zero_done)

    async def wait_two():
        done, pending = await asyncio.wait([asyncio.create_task(nothing()), asyncio.create_task(yields(3))],
                                           return_when=asyncio.FIRST_COMPLETED)
        for p in pending:
            await p
        return [len(done), len(pending)]
    await case("wait FIRST_COMPLETED", wait_two)

    async def as_completed_two():
        out = []
        for f in asyncio.as_completed([yields(2, "b"), nothing("a")]):
            out.append(await f)
        return out
    await case("as_completed", as_completed_two)

    async def done_future():
        f = loop.create_future()
        f.set_result("f")
        return await f
    await case("await done future", done_future)

    async def task_of_nothing():
        return await asyncio.create_task(nothing("c"))
    await case("await new task", task_of_nothing)

    async def eager():
        loop.set_task_factory(asyncio.eager_task_factory)
        try:
            t = asyncio.create_task(nothing("e"))
            r = [t.done(), await t]
            t2 = asyncio.create_task(yields(1, "e2"))
            r.append(await t2)
            return r
        finally:
            loop.set_task_factory(None)
    await case("eager tasks", eager)

    async def sleep_zero_result():
        return await asyncio.sleep(0, "r")
    await case("sleep(0, result)", sleep_zero_result)

    tk.cancel()

loop.run_until_complete(main())
loop.close()
