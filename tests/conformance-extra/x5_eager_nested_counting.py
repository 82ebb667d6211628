# Eager tasks inside eager tasks: a task's eager first step creates more eager tasks, which
# run at once inside it; current_task() is always the innermost one, and the outer one again
# once the inner one suspends or finishes. A custom task constructor behind
# create_eager_task_factory is called with eager_start=True and counts the tasks made by
# recursive TaskGroups and gathers; tasks that finish eagerly never appear in all_tasks();
# a cancel() right after an eager step that blocked keeps its message.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

made = {"eager": 0, "plain": 0}

def CountingTask(coro, *, loop=None, name=None, context=None, eager_start=False):
    made["eager" if eager_start else "plain"] += 1
    return asyncio.Task(coro, loop=loop, name=name, context=context, eager_start=eager_start)

loop.set_task_factory(asyncio.create_eager_task_factory(CountingTask))

names = {}
def who():
    t = asyncio.current_task()
    return names.get(t, t.get_name() if t else None)

async def leaf(tag, d):
    print("   ", tag, "starts in", who())
    if d:
        await asyncio.sleep(d)
    print("   ", tag, "ends in", who(), T())
    return tag

async def middle(tag):
    print("  ", tag, "starts in", who())
    a = asyncio.create_task(leaf(tag + ".a", 0))
    print("  ", tag, "after a: a done", a.done(), "current", who())
    b = asyncio.create_task(leaf(tag + ".b", 0.5))
    names[b] = tag + ".b"
    print("  ", tag, "after b: b done", b.done(), "current", who())
    r = [await a, await b]
    print("  ", tag, "ends in", who(), T())
    return r

async def recursive_taskgroups(width, depth):
    if depth == 0:
        return
    async with asyncio.TaskGroup() as tg:
        for _ in range(width):
            tg.create_task(recursive_taskgroups(width, depth - 1))

async def recursive_gather(width, depth):
    if depth == 0:
        return
    await asyncio.gather(*[recursive_gather(width, depth - 1) for _ in range(width)])

async def main():
    names[asyncio.current_task()] = "main"
    m = asyncio.create_task(middle("m"))
    names[m] = "m"
    print("main after m: done", m.done(), "current", who(), "all_tasks", len(asyncio.all_tasks()))
    print("m ->", await m)
    print("made", made)

    made.update(eager=0, plain=0)
    await recursive_taskgroups(3, 3)
    print("taskgroups made", made, T())
    made.update(eager=0, plain=0)
    await recursive_gather(3, 3)
    print("gather made", made, T())

    async def blocks():
        await asyncio.sleep(0.1)
        return "never"
    t = asyncio.create_task(blocks())
    t.cancel("cancellation message")
    print("cancelling", t.cancelling())
    try:
        await t
    except asyncio.CancelledError as e:
        print("cancelled with", e.args)

loop.run_until_complete(main())
loop.close()
