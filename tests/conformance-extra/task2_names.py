# Task names: unnamed tasks are "Task-N" with one counter for the whole program (every loop),
# named tasks take no number, set_name renames without touching the counter; tasks made by
# run_until_complete, ensure_future, gather and shield count; a coroutine awaited inline runs
# in (and sees the name of) the awaiting task.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

async def whoami(tag, d=0.1):
    print(tag, "runs in", asyncio.current_task().get_name())
    await asyncio.sleep(d)
    return asyncio.current_task().get_name()

async def main():
    me = asyncio.current_task()
    print("main is", me.get_name())
    a = loop.create_task(whoami("a"))
    b = loop.create_task(whoami("b"), name="worker")
    c = loop.create_task(whoami("c"))
    print("names", a.get_name(), b.get_name(), c.get_name())
    c.set_name("renamed")
    b.set_name(42)
    d = asyncio.ensure_future(whoami("d", 0.2))
    print("after rename", c.get_name(), b.get_name(), "d is", d.get_name())
    print("results", fmt(await asyncio.gather(a, b, c, d)), T())
    g = asyncio.gather(whoami("g1", 0.3), whoami("g2", 0.4))
    print("gathered", fmt(await g), T())
    s = await asyncio.shield(whoami("s", 0.5))
    print("shielded ran in", s, T())
    v = await whoami("inline", 0.6)
    print("inline ran in", v, T())
    w = await asyncio.wait_for(whoami("wait_for inline", 0.7), 10)
    print("wait_for inline ran in", w, T())
    e = loop.create_task(whoami("e"))
    print("e is", e.get_name())
    await e
    me.set_name("main-renamed")
    print("main now", asyncio.current_task().get_name())

loop.run_until_complete(main())
loop.close()

loop2 = VirtualLoop()
asyncio.set_event_loop(loop2)
async def main2():
    print("main2 is", asyncio.current_task().get_name())
    t = loop2.create_task(whoami("x"))
    print("x is", t.get_name())
    return await t
print("second loop ->", fmt(loop2.run_until_complete(main2())))
t = loop2.create_task(whoami("outside"))
print("made outside the running loop:", t.get_name())
loop2.run_until_complete(t)
loop2.close()
