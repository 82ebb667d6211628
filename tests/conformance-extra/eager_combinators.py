# The eager factory under the combinators, which make their tasks through create_task:
# gather of coroutines that never suspend is done when gather returns; shield and wait_for
# of one that suspends run its first step at once; wait() gets done and pending tasks in
# one call; a task that cancels itself during its eager step and then returns ends
# cancelled.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
loop.set_task_factory(asyncio.eager_task_factory)
def T(): return "%.3f" % loop.time()

async def value(v):
    return v

async def later(v, d):
    print("  later", v, "first step", T())
    await asyncio.sleep(d)
    return v

async def self_cancel():
    asyncio.current_task().cancel("by myself")
    return "returned"

async def main():
    g = asyncio.gather(value(1), value(2), value(3))
    print("gather of quick ones done at once:", g.done(), fmt(g.result()))
    g = asyncio.gather(value("a"), later("b", 0.1))
    print("gather with a slow one done:", g.done())
    print("->", fmt(await g), T())
    s = asyncio.shield(later("shielded", 0.1))
    print("shield made:", s.done())
    print("->", fmt(await s), T())
    print("wait_for ->", fmt(await asyncio.wait_for(later("wf", 0.1), 1)), T())
    done, pending = await asyncio.wait([asyncio.ensure_future(value("x")), asyncio.ensure_future(later("y", 0.2))], timeout=0.1)
    print("wait: done", sorted(t.result() for t in done), "pending", len(pending), T())
    for t in pending:
        print("pending finishes ->", fmt(await t), T())
    t = loop.create_task(self_cancel())
    print("self-cancelling task: done", t.done(), "cancelled", t.cancelled())
    try:
        await t
    except asyncio.CancelledError as e:
        print("await it:", fmt(e))

loop.run_until_complete(main())
loop.close()
