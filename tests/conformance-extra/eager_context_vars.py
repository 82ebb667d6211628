# Context variables and eager tasks: the eager step runs in a copy of the creator's context
# (it sees the creator's value and its sets stay in the task, across its later steps too);
# with context=ctx the eager step runs in ctx itself, so its sets land in ctx before
# create_task returns.
import asyncio
import contextvars
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
loop.set_task_factory(asyncio.eager_task_factory)
def T(): return "%.3f" % loop.time()

cv = contextvars.ContextVar("cv", default=0)

async def coro(tag):
    print(" ", tag, "first step sees", cv.get())
    cv.set(cv.get() + 10)
    print(" ", tag, "set", cv.get())
    await asyncio.sleep(0.1)
    print(" ", tag, "second step sees", cv.get(), T())
    cv.set(cv.get() + 1)
    return cv.get()

async def main():
    cv.set(1)
    t = loop.create_task(coro("copy"))
    print("creator sees", cv.get(), "task done", t.done())
    print("->", await t, "creator still", cv.get(), T())
    ctx = contextvars.copy_context()
    t = loop.create_task(coro("ctx"), context=ctx)
    print("ctx already holds", ctx.get(cv), "creator", cv.get())
    print("->", await t, "ctx holds", ctx.get(cv), "creator", cv.get(), T())

loop.run_until_complete(main())
loop.close()
