# A task factory that refuses some coroutines: create_task raises the factory's exception,
# no task is made, and the loop (and the calling task) go on; run_until_complete of a
# refused coroutine raises the same without running the loop; a factory can count and
# delegate to the default Task, and swapping factories mid-run affects only later tasks.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

allowed = {"main", "work"}

def picky(loop_, coro, **kwargs):
    name = coro.__name__
    if name not in allowed:
        coro.close()
        raise PermissionError("factory refuses " + name)
    return asyncio.Task(coro, loop=loop_, **kwargs)

async def work(v):
    await asyncio.sleep(0.1)
    return v

async def forbidden():
    print("never runs")

async def main():
    print("work ->", await loop.create_task(work(1)), T())
    try:
        asyncio.create_task(forbidden())
    except PermissionError as e:
        print("create_task:", fmt(e))
    print("tasks now:", len(asyncio.all_tasks()))
    loop.set_task_factory(None)
    print("default factory again ->", await asyncio.create_task(work(2)), T())
    loop.set_task_factory(picky)
    return "main"

loop.set_task_factory(picky)
print("run ->", loop.run_until_complete(main()))
try:
    loop.run_until_complete(forbidden())
except PermissionError as e:
    print("run_until_complete:", fmt(e), "running:", loop.is_running())
print("still usable ->", loop.run_until_complete(work(3)), T())
loop.close()
