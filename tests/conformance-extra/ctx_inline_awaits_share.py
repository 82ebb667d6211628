# What shares the awaiting task's context and what copies it: a coroutine awaited directly,
# and wait_for() of a coroutine (3.12 awaits it inline), run in the caller's context, so
# their sets are the caller's; create_task, ensure_future, gather and shield of a coroutine
# wrap it in a Task, whose sets stay in the Task.
import asyncio
import contextvars
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

mark = contextvars.ContextVar("mark", default="unmarked")

async def marker(tag, d=0.1):
    await asyncio.sleep(d)
    mark.set(tag)
    return tag

async def main():
    for tag, how in (
        ("awaited", lambda c: c),
        ("wait_for", lambda c: asyncio.wait_for(c, 1)),
        ("create_task", lambda c: asyncio.create_task(c)),
        ("ensure_future", lambda c: asyncio.ensure_future(c)),
        ("gather", lambda c: asyncio.gather(c)),
        ("shield", lambda c: asyncio.shield(c)),
    ):
        mark.set("unmarked")
        await how(marker(tag))
        print("after", tag + ":", fmt(mark.get()), T())

loop.run_until_complete(main())
loop.close()
