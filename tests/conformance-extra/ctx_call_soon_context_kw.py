# call_soon / call_later / call_at with context=ctx run the callback in ctx itself: what the
# callback sets stays in ctx (the scheduler does not see it), callbacks sharing ctx see each
# other's sets, and a callback scheduled with context= from inside one runs in that ctx too.
import asyncio
import contextvars
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

counter = contextvars.ContextVar("counter", default=0)

def bump(tag):
    counter.set(counter.get() + 1)
    print(tag, "counter now", counter.get(), T())

def chain(tag, ctx):
    bump(tag)
    loop.call_soon(bump, tag + " chained", context=ctx)
    loop.call_soon(bump, tag + " copy")

async def main():
    ctx = contextvars.copy_context()
    counter.set(100)
    loop.call_soon(bump, "soon", context=ctx)
    loop.call_soon(bump, "soon again", context=ctx)
    loop.call_later(0.1, bump, "later", context=ctx)
    loop.call_at(loop.time() + 0.2, chain, "at", ctx, context=ctx)
    loop.call_soon(bump, "no context")
    await asyncio.sleep(0.5)
    print("ctx holds", ctx.get(counter), "len", len(ctx), "main holds", counter.get(), T())
    other = contextvars.Context()
    loop.call_soon(bump, "empty context", context=other)
    await asyncio.sleep(0)
    print("other holds", other.get(counter), "main holds", counter.get(), T())

loop.run_until_complete(main())
loop.close()
