# Eager tasks that suspend, raise or get cancelled: the first step (up to the first await
# that must wait) runs inside create_task, the rest through the loop; a task that raises in
# its eager step is done with the exception when create_task returns; cancel() after the
# eager step cancels the future it waits on, with the message; a task that suspends on a
# future the creator then completes resumes at the next iteration.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
loop.set_task_factory(asyncio.eager_task_factory)
def T(): return "%.3f" % loop.time()

async def two_steps(tag, d):
    print(" ", tag, "step 1", T())
    await asyncio.sleep(d)
    print(" ", tag, "step 2", T())
    return tag

async def raiser(tag):
    print(" ", tag, "raising", T())
    raise ValueError(tag)

async def waiter(fut):
    print("  waiter waits", T())
    v = await fut
    print("  waiter got", fmt(v), T())
    return v

async def main():
    t = loop.create_task(two_steps("suspends", 0.2))
    print("after create_task: done", t.done(), T())
    print("->", fmt(await t), T())

    t = loop.create_task(raiser("early"))
    print("raiser done:", t.done(), "exception:", fmt(t.exception()))
    try:
        await t
    except ValueError as e:
        print("await raiser:", fmt(e))

    t = loop.create_task(two_steps("cancelled", 1))
    print("cancel ->", t.cancel("stop it"), "cancelling", t.cancelling(), "done", t.done())
    try:
        await t
    except asyncio.CancelledError as e:
        print("await cancelled:", fmt(e), t.cancelled(), T())

    fut = loop.create_future()
    t = loop.create_task(waiter(fut))
    fut.set_result("hello")
    print("set_result done; waiter done:", t.done(), T())
    print("->", fmt(await t), T())

    r = await asyncio.gather(raiser("in gather"), two_steps("in gather", 0.1), return_exceptions=True)
    print("gather ->", fmt(r), T())

loop.run_until_complete(main())
loop.close()
