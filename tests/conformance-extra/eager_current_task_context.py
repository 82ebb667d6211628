# During an eager step, current_task() is the new task and all_tasks() lists it; the
# creator is the current task again as soon as create_task returns. An eager task that
# creates another eager task nests: each sees itself as current, and each gets its creator's
# context as a copy (sets in the eager step stay in the task).
import asyncio
import contextvars
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

cv = contextvars.ContextVar("cv", default="unset")

def me():
    return asyncio.current_task().get_name()

async def inner():
    print("    inner: current", me(), "cv", fmt(cv.get()), "listed", asyncio.current_task() in asyncio.all_tasks())
    cv.set("inner")
    await asyncio.sleep(0.1)
    print("    inner resumed: current", me(), "cv", fmt(cv.get()), T())

async def outer():
    print("  outer: current", me(), "cv", fmt(cv.get()))
    cv.set("outer")
    t = asyncio.create_task(inner(), name="inner")
    print("  outer again current:", me(), "cv", fmt(cv.get()), "inner done:", t.done())
    await t
    print("  outer after inner: cv", fmt(cv.get()), T())
    return "outer"

async def quick():
    return sorted(t.get_name() for t in asyncio.all_tasks())

async def main():
    cv.set("main")
    t = asyncio.create_task(outer(), name="outer")
    print("main: current", me(), "cv", fmt(cv.get()), "outer done:", t.done())
    names = await asyncio.create_task(quick(), name="quick")
    print("all_tasks seen by quick's eager step:", names)
    print("all_tasks now:", sorted(x.get_name() for x in asyncio.all_tasks()))
    print("->", fmt(await t), "main cv", fmt(cv.get()), T())

loop.set_task_factory(asyncio.eager_task_factory)
loop.run_until_complete(loop.create_task(main(), name="main"))
loop.close()
