# Task.get_coro() is the very coroutine object the task wraps: for create_task, for the task
# run_until_complete makes, for ensure_future, for the tasks gather and shield make from
# coroutines (found among all_tasks() by identity), before and after the task is done, also
# when it failed or was cancelled; a coroutine awaited inline runs in the awaiting task (its
# get_coro() is the outer coroutine). Last, the coroutines asyncio itself provides: the task
# ensure_future / gather / shield make from asyncio.sleep(...) or asyncio.wait_for(...)
# returns that object from get_coro().
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

async def work(name, d, fail=False):
    await asyncio.sleep(d)
    if fail:
        raise ValueError(name)
    return name

def task_of(c):
    found = [t for t in asyncio.all_tasks() if t.get_coro() is c]
    return found[0] if found else None

async def inline_probe():
    return asyncio.current_task().get_coro()

async def main():
    me = asyncio.current_task()
    print("run_until_complete's task wraps main:", me.get_coro() is main_coro, me.get_name())
    print("inline coroutine sees the outer coro:", (await inline_probe()) is main_coro)

    c = work("a", 0.1)
    t = loop.create_task(c)
    print("create_task:", t.get_coro() is c, asyncio.iscoroutine(t.get_coro()))
    await t
    print("after done:", t.get_coro() is c, fmt(t.result()))

    c = work("b", 0.1, True)
    t = asyncio.ensure_future(c)
    try:
        await t
    except ValueError as e:
        print("ensure_future, failed:", t.get_coro() is c, fmt(e))

    c = work("c", 1)
    t = asyncio.create_task(c)
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("cancelled:", t.get_coro() is c, t.cancelled())

    c1, c2 = work("g1", 0.2), work("g2", 0.1)
    g = asyncio.gather(c1, c2)
    t1, t2 = task_of(c1), task_of(c2)
    print("gather made tasks:", t1 is not None, t2 is not None, t1 is not t2, t1.get_name(), t2.get_name())
    print("gather ->", fmt(await g), "children still wrap them:", t1.get_coro() is c1, t2.get_coro() is c2)

    c = work("s", 0.1)
    s = asyncio.shield(c)
    inner = task_of(c)
    print("shield made a task:", inner is not None, inner is not s, inner.get_name())
    print("shield ->", fmt(await s), "inner done:", inner.done())

    sl = asyncio.sleep(0.1, "slept")
    t = asyncio.ensure_future(sl)
    print("ensure_future(sleep):", t.get_name(), "get_coro is the sleep:", t.get_coro() is sl)
    print("  ->", fmt(await t), T())

    wf = asyncio.wait_for(work("wf", 0.1), 1)
    g = asyncio.gather(wf)
    t = task_of(wf)
    print("gather(wait_for): task found by get_coro:", t is not None)
    print("  ->", fmt(await g), T())

    sl = asyncio.sleep(0.1, "shielded sleep")
    s = asyncio.shield(sl)
    t = task_of(sl)
    print("shield(sleep): task found by get_coro:", t is not None)
    print("  ->", fmt(await s), T())

main_coro = main()
loop.run_until_complete(main_coro)
loop.close()
