# Done callbacks run in the context current when add_done_callback was called (or the one
# given with context=): not the context of whoever completes the future, and what they set
# does not leak into the task that added them. A task awaiting a future is woken in its own
# context.
import asyncio
import contextvars
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

who = contextvars.ContextVar("who", default="nobody")

def on_done(tag):
    def cb(fut):
        print(tag, "callback sees", fmt(who.get()), "result", fmt(fut.result()), T())
        who.set("callback " + tag)
    return cb

async def completer(fut, d):
    who.set("completer")
    await asyncio.sleep(d)
    fut.set_result("done by " + who.get())

async def adder(fut, name):
    who.set(name)
    fut.add_done_callback(on_done(name))
    v = await fut
    print(name, "woken with", fmt(v), "sees", fmt(who.get()), T())

async def main():
    who.set("main")
    fut = loop.create_future()
    fut.add_done_callback(on_done("main-added"))
    ctx = contextvars.Context()
    fut.add_done_callback(on_done("given-ctx"), context=ctx)
    a = asyncio.create_task(adder(fut, "task-a"))
    b = asyncio.create_task(adder(fut, "task-b"))
    asyncio.create_task(completer(fut, 0.1))
    await asyncio.gather(a, b)
    print("main sees", fmt(who.get()), "ctx holds", fmt(ctx.get(who)), T())
    t = asyncio.create_task(asyncio.sleep(0.1, "slept"))
    who.set("main again")
    t.add_done_callback(on_done("on-task"))
    await t
    await asyncio.sleep(0)
    print("main ends as", fmt(who.get()), T())

loop.run_until_complete(main())
loop.close()
