# graceful shutdown: cancel every task from all_tasks() except the current one (with a
# message), then gather(..., return_exceptions=True) and print each outcome: plain
# cancellation, cleanup that awaits then re-raises, a task that swallows the cancel and
# returns, one whose cleanup fails, one that needs two cancels, and a task that was blocked
# on another task (both cancelled). Tasks started by cleanup code are not in the snapshot.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

async def plain():
    await asyncio.sleep(100)

async def tidy():
    try:
        await asyncio.sleep(100)
    finally:
        print("  tidy: flushing", T())
        await asyncio.sleep(0.15)
        print("  tidy: flushed", T())

async def stubborn():
    try:
        await asyncio.sleep(100)
    except asyncio.CancelledError as e:
        print("  stubborn: ignoring", fmt(e), T())
        return "partial result"

async def broken():
    try:
        await asyncio.sleep(100)
    except asyncio.CancelledError:
        raise ValueError("cleanup failed")

async def twice():
    for i in range(2):
        try:
            await asyncio.sleep(100)
        except asyncio.CancelledError:
            print("  twice: cancel", i, T())
            asyncio.current_task().uncancel()
    return "ran twice"

async def waiter(other):
    return await other

async def background():
    await asyncio.sleep(0.05)
    return "bg"

async def main():
    tasks = {}
    for name, coro in [("plain", plain()), ("tidy", tidy()), ("stubborn", stubborn()),
                       ("broken", broken()), ("twice", twice())]:
        tasks[name] = asyncio.create_task(coro, name=name)
    tasks["waiter"] = asyncio.create_task(waiter(tasks["plain"]), name="waiter")
    done_early = asyncio.create_task(asyncio.sleep(0.1, "early"), name="early")
    await asyncio.sleep(0.33)
    print("early done", done_early.done(), "result", done_early.result())
    me = asyncio.current_task()
    victims = sorted((t for t in asyncio.all_tasks() if t is not me), key=lambda t: t.get_name())
    print("shutting down", [t.get_name() for t in victims], T())
    for t in victims:
        t.cancel("shutdown")
    loop.call_later(0.07, lambda: tasks["twice"].cancel("again"))
    bg = asyncio.create_task(background(), name="bg")
    results = await asyncio.gather(*victims, return_exceptions=True)
    for t, r in zip(victims, results):
        print("  %-8s cancelled=%s -> %s" % (t.get_name(), t.cancelled(), fmt(r)))
    print("all done", T(), "left", sorted(t.get_name() for t in asyncio.all_tasks() if t is not me))
    print("bg", bg.done(), await bg, T())

loop.run_until_complete(main())
loop.close()
