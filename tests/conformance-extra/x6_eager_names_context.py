# Names seen during an eager start: TaskGroup.create_task(name=) and asyncio.create_task(name=)
# and loop.create_task(name=) with a task factory name the task after its eager first step
# (3.12 creates it unnamed and renames it); eager tasks created with context=
# run their first step in that context; the factory with a task that finishes at once
# leaves it out of all_tasks.
import asyncio, contextvars
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
loop.set_task_factory(asyncio.eager_task_factory)
var = contextvars.ContextVar("var", default="unset")

async def show(label):
    t = asyncio.current_task()
    print("  ", label, "eager step sees name", t.get_name().split("-")[0], "var", var.get())
    await asyncio.sleep(0.1)
    print("  ", label, "after await sees name", t.get_name().split("-")[0], "var", var.get())

async def instant():
    return 1

async def main():
    async with asyncio.TaskGroup() as tg:
        t1 = tg.create_task(show("tg"), name="tg-named")
    t2 = asyncio.create_task(show("ct"), name="ct-named")
    t3 = loop.create_task(show("loop"), name="loop-named")
    await asyncio.gather(t2, t3)
    ctx = contextvars.copy_context()
    ctx.run(var.set, "in ctx")
    t4 = asyncio.create_task(show("ctx"), context=ctx)
    await t4
    t5 = asyncio.create_task(instant())
    print("  instant done", t5.done(), "in all_tasks", t5 in asyncio.all_tasks())

loop.run_until_complete(main())
loop.close()
