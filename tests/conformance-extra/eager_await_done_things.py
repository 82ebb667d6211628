# What makes an eager step stop: awaiting something already done does not (a done future, a
# task that completed eagerly, a coroutine that returns at once), so the whole task can
# finish inside create_task; sleep(0) does (one iteration), and so does a pending future.
# A task blocked on an eager task that completes later is woken through the loop.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
loop.set_task_factory(asyncio.eager_task_factory)
def T(): return "%.3f" % loop.time()

async def plain(v):
    return v

async def chain(done_fut):
    a = await done_fut
    b = await asyncio.create_task(plain("eager child"))
    c = await plain("inline")
    print("  chain finished inside its eager step:", fmt([a, b, c]))
    return "chain"

async def yielder():
    print("  yielder before sleep(0)", T())
    await asyncio.sleep(0)
    print("  yielder after sleep(0)", T())
    return "yielder"

async def blocker(gate):
    v = await gate
    print("  blocker got", fmt(v), T())
    return v

async def opener(gate):
    await asyncio.sleep(0.1)
    gate.set_result("opened")
    return "opener"

async def main():
    done = loop.create_future()
    done.set_result("ready")
    t = loop.create_task(chain(done))
    print("chain done:", t.done(), fmt(t.result()))
    y = loop.create_task(yielder())
    print("yielder done:", y.done())
    gate = loop.create_future()
    b = loop.create_task(blocker(gate))
    o = loop.create_task(opener(gate))
    print("blocker done:", b.done(), "opener done:", o.done())
    print(fmt(await asyncio.gather(y, b, o)), T())

loop.run_until_complete(main())
loop.close()
