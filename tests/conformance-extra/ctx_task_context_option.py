# create_task(coro, context=ctx) runs every step of the task in ctx itself: what the task
# sets is in ctx afterwards, tasks given the same ctx one after another see each other's
# values, the creator's own context is untouched; asyncio.create_task takes context= too,
# and a Task created in the shared ctx by such a task starts from a copy of it.
import asyncio
import contextvars
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

cvar = contextvars.ContextVar("cvar")
log = contextvars.ContextVar("log", default=())

async def step(val):
    print("step", val, "starts with", fmt(cvar.get(None)), fmt(list(log.get())), T())
    await asyncio.sleep(0.1)
    cvar.set(val)
    log.set(log.get() + (val,))
    inner = asyncio.create_task(peek(val))
    cvar.set(val * 10)
    await inner
    return cvar.get()

async def peek(val):
    print("  peek from", val, "sees", fmt(cvar.get()), T())
    cvar.set(-1)

async def main():
    ctx = contextvars.copy_context()
    print("ctx starts", fmt(ctx.get(cvar)), len(ctx))
    r1 = await loop.create_task(step(1), context=ctx)
    print("after 1:", r1, fmt(ctx.get(cvar)), fmt(list(ctx.get(log))), T())
    r2 = await asyncio.create_task(step(2), context=ctx)
    print("after 2:", r2, fmt(ctx.get(cvar)), fmt(list(ctx.get(log))), T())
    t3 = asyncio.Task(step(3), context=ctx)
    r3 = await t3
    print("after 3:", r3, fmt(ctx.get(cvar)), fmt(list(ctx.get(log))), T())
    print("t3 runs in ctx:", t3.get_context() is ctx)
    print("main's own:", fmt(cvar.get(None)), fmt(list(log.get())))

loop.run_until_complete(main())
loop.close()
