# The group's body raises: the children are cancelled (one of them raises while it cleans up,
# another swallows the cancellation and returns), the group waits for all of them, and the
# ExceptionGroup holds the children's errors first and the body's error last. A body that
# raises before any child has run: the children never start.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

async def child(name, mode):
    print(name, "starts", T())
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        if mode == "raise":
            await asyncio.sleep(0.25)
            print(name, "raises while cleaning up", T())
            raise TypeError(name + " cleanup failed")
        if mode == "swallow":
            await asyncio.sleep(0.5)
            print(name, "swallows the cancel", T())
            return name + " swallowed"
        print(name, "cancelled", T())
        raise
    return name

async def main():
    tasks = []
    try:
        async with asyncio.TaskGroup() as tg:
            tasks.append(tg.create_task(child("a", "raise")))
            tasks.append(tg.create_task(child("b", "swallow")))
            await asyncio.sleep(1)
            print("body raises", T())
            raise ValueError("body failed")
    except ExceptionGroup as eg:
        print("caught", str(eg), T())
        for e in eg.exceptions:
            print(" -", fmt(e))
    print("a:", fmt(tasks[0].exception()), "b:", fmt(tasks[1].result()))
    tasks = []
    try:
        async with asyncio.TaskGroup() as tg:
            tasks.append(tg.create_task(child("c", "plain")))
            tasks.append(tg.create_task(child("d", "plain")))
            raise KeyError("at once")
    except ExceptionGroup as eg:
        print("caught", str(eg), [ename(e) for e in eg.exceptions], T())
    print("c, d cancelled:", [t.cancelled() for t in tasks])

loop.run_until_complete(main())
loop.close()
