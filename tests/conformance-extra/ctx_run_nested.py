# Context.run inside tasks and callbacks: the function sees the given context and its sets
# land there; the task's own values come back afterwards; a task created inside ctx.run copies
# ctx; entering a context that is already entered (the same ctx, nested) raises RuntimeError
# and leaves everything usable.
import asyncio
import contextvars
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

mode = contextvars.ContextVar("mode", default="normal")

async def child(tag):
    print(" ", tag, "child starts in", fmt(mode.get()), T())
    await asyncio.sleep(0.1)
    print(" ", tag, "child still in", fmt(mode.get()), T())

def inside(ctx, tag):
    print(tag, "inside sees", fmt(mode.get()))
    mode.set("set inside " + tag)
    t = asyncio.get_running_loop().create_task(child(tag))
    try:
        ctx.run(print, "never")
    except RuntimeError as e:
        print(tag, "nested run:", ename(e))
    return t

async def main():
    ctx = contextvars.Context()
    mode.set("main")
    t1 = ctx.run(inside, ctx, "first")
    print("main back in", fmt(mode.get()), "ctx holds", fmt(ctx.get(mode)), T())
    t2 = ctx.run(inside, ctx, "second")
    await asyncio.gather(t1, t2)
    def cb():
        print("callback in", fmt(mode.get()))
        ctx.run(lambda: mode.set("set by callback"))
    loop.call_soon(cb)
    await asyncio.sleep(0)
    print("ctx holds", fmt(ctx.get(mode)), "main", fmt(mode.get()), T())

loop.run_until_complete(main())
loop.close()
