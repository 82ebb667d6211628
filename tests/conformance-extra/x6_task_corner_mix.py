# Task corners: an eager task that cancels itself and returns without awaiting ends
# cancelled; a lazy one doing the same also ends cancelled; cancel() with a message on a task
# whose coroutine swallows the first CancelledError and then returns; gather with
# return_exceptions=True over a cancelled child; shield over an eager task that is already
# done; TaskGroup.create_task after the group finished; a done callback of a Task that raises
# goes to the handler and later callbacks still run.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

def handler(lp, ctx):
    print("  handler: callback message", ctx["message"].startswith("Exception in callback "), sorted(ctx.keys()), ename(ctx.get("exception")))
loop.set_exception_handler(handler)

async def cancel_and_return(name):
    me = asyncio.current_task()
    me.cancel("self")
    print("  ", name, "cancelling", me.cancelling())
    return name

async def swallow():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError as e:
        print("  swallowed", fmt(e), T())
    return "survived"

async def quick(v):
    return v

async def main():
    print("case 1: eager self-cancel then return")
    t = asyncio.eager_task_factory(loop, cancel_and_return("e"))
    print("  done at once", t.done())
    try:
        await t
    except asyncio.CancelledError as e:
        print("  e cancelled", t.cancelled(), fmt(e))
    print("case 2: lazy self-cancel then return")
    t = asyncio.create_task(cancel_and_return("l"))
    try:
        await t
    except asyncio.CancelledError as e:
        print("  l cancelled", t.cancelled(), fmt(e))

    print("case 3: swallowed cancel with a message")
    t = asyncio.create_task(swallow())
    await asyncio.sleep(0.1)
    print("  cancel ->", t.cancel("stop"), "cancelling", t.cancelling())
    print("  result", fmt(await t), "cancelled", t.cancelled(), "cancelling", t.cancelling(), T())

    print("case 4: gather return_exceptions with a cancelled child")
    a = asyncio.create_task(asyncio.sleep(1, "a"))
    b = asyncio.create_task(asyncio.sleep(0.5, "b"))
    loop.call_later(0.2, a.cancel, "gone")
    res = await asyncio.gather(a, b, return_exceptions=True)
    print("  gather", [ename(r) if isinstance(r, BaseException) else r for r in res], T())

    print("case 5: shield over a done eager task")
    e = asyncio.eager_task_factory(loop, quick("fast"))
    s = asyncio.shield(e)
    print("  shield is the task", s is e, "done", e.done(), fmt(await s))

    print("case 6: create_task after the group finished")
    async with asyncio.TaskGroup() as tg:
        tg.create_task(quick(1))
    c = quick(2)
    try:
        tg.create_task(c)
    except RuntimeError as ex:
        print("  ", ename(ex), str(ex).split(" is ")[1] if " is " in str(ex) else str(ex))
        c.close()

    print("case 7: a raising done callback")
    t = asyncio.create_task(quick(3))
    def bad_cb(f):
        raise ValueError("cb")
    t.add_done_callback(bad_cb)
    t.add_done_callback(lambda f: print("  second callback sees", f.result()))
    await asyncio.sleep(0)
    await asyncio.sleep(0)

loop.run_until_complete(main())
loop.close()
