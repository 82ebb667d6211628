# Context variables across every way code is scheduled: call_soon/call_later/call_at
# callbacks and done callbacks see the context current when they were registered (and
# their own sets do not leak out); context= runs a callback in a given Context; TaskGroup
# children copy the body's context at create_task (later sets in the body are not seen, the
# children's sets stay theirs); create_task(context=ctx) children share ctx; an eager
# child's first step runs in its own copy, and Context.run cannot be entered twice.
import asyncio
import contextvars
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

var = contextvars.ContextVar("var", default="unset")

def cb(tag):
    print("  cb", tag, "sees", var.get(), T())
    var.set("set by " + tag)

async def child(tag, d):
    print("  child", tag, "starts with", var.get())
    await asyncio.sleep(d)
    var.set(tag)
    await asyncio.sleep(d)
    print("  child", tag, "ends with", var.get(), T())
    return var.get()

async def main():
    var.set("main-1")
    loop.call_soon(cb, "soon")
    loop.call_later(0.5, cb, "later")
    var.set("main-2")
    loop.call_at(loop.time() + 0.75, cb, "at")
    fut = loop.create_future()
    fut.add_done_callback(lambda f: cb("done"))
    var.set("main-3")
    ctx = contextvars.Context()
    ctx.run(var.set, "in ctx")
    loop.call_soon(cb, "with context=", context=ctx)
    fut.set_result(None)
    await asyncio.sleep(1)
    print("main sees", var.get(), "ctx holds", ctx[var])

    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(child("a", 0.1))
        var.set("main-4")
        b = tg.create_task(child("b", 0.2))
        shared = contextvars.copy_context()
        c = tg.create_task(child("c", 0.3), context=shared)
        d = tg.create_task(child("d", 0.4), context=shared)
    print("results", a.result(), b.result(), c.result(), d.result(), "shared holds", shared[var])
    print("main sees", var.get())

    loop.set_task_factory(asyncio.eager_task_factory)
    async def eager_child():
        print("  eager child starts with", var.get())
        var.set("eager")
        await asyncio.sleep(0.1)
        return var.get()
    t = asyncio.create_task(eager_child())
    print("after eager start main sees", var.get())
    print("eager result", await t)
    loop.set_task_factory(None)

    def reenter():
        try:
            ctx.run(print, "never")
        except RuntimeError as e:
            print("re-enter:", ename(e))
    ctx.run(reenter)

loop.run_until_complete(main())
loop.close()
