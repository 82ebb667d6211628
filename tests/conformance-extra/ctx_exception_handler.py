# A custom exception handler runs in the context of what the report is about (3.12): for a
# failing callback, the copy the callback ran in, its own last sets included (the next
# callback still sees its scheduling context); for a callback given context=, that context;
# for a leftover task that fails during asyncio.run()'s shutdown, the task's context.
import asyncio
import contextvars
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

who = contextvars.ContextVar("who", default="nobody")

def handler(loop_, context):
    print("handler sees", fmt(who.get()), "for", fmt(context.get("exception")), T())

def failing(tag):
    print(tag, "runs as", fmt(who.get()))
    who.set("changed by " + tag)
    raise ValueError(tag)

def fine(tag):
    print(tag, "runs as", fmt(who.get()))

async def main():
    who.set("main task")
    loop.call_soon(failing, "callback")
    loop.call_soon(fine, "next callback")
    fut = loop.create_future()
    fut.add_done_callback(lambda f: failing("done callback"))
    fut.set_result(None)
    ctx = contextvars.Context()
    loop.call_later(0.1, failing, "in ctx", context=ctx)
    await asyncio.sleep(0.2)
    print("main still", fmt(who.get()), "ctx holds", fmt(ctx.get(who)), T())

loop.set_exception_handler(handler)
who.set("program")
loop.run_until_complete(main())
loop.close()

async def leftover():
    who.set("leftover task")
    try:
        await asyncio.sleep(10)
    finally:
        raise ValueError("leftover cleanup")

async def short_main():
    asyncio.get_running_loop().set_exception_handler(handler)
    who.set("short main")
    asyncio.create_task(leftover())
    await asyncio.sleep(0.1)

asyncio.run(short_main(), loop_factory=VirtualLoop)
print("program still", fmt(who.get()))
