# The parent task is cancelled while the group's children run: the body gets CancelledError,
# the children are cancelled and the group waits until they are done (they clean up for a
# while), then re-raises the CancelledError; a child that had finished keeps its result.
# Then the same with the body done and the group waiting in its exit.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

async def child(name, d, cleanup):
    try:
        await asyncio.sleep(d)
        print(name, "done", T())
        return name
    except asyncio.CancelledError:
        await asyncio.sleep(cleanup)
        print(name, "cancelled, cleaned up", T())
        raise

async def runner(body_waits, tasks):
    async with asyncio.TaskGroup() as tg:
        tasks.append(tg.create_task(child("a", 5, 0.1)))
        tasks.append(tg.create_task(child("b", 0.5, 0.1)))
        tasks.append(tg.create_task(child("c", 6, 0.25)))
        if body_waits:
            try:
                await asyncio.sleep(10)
            except asyncio.CancelledError:
                print("body cancelled", T(), "cancelling", asyncio.current_task().cancelling())
                raise
        print("body done", T())
    print("never printed")

async def main():
    for body_waits in (True, False):
        print("-- body waits:", body_waits)
        tasks = []
        r = asyncio.create_task(runner(body_waits, tasks))
        await asyncio.sleep(1)
        r.cancel()
        try:
            await r
        except asyncio.CancelledError:
            print("runner raised CancelledError", T())
        print("runner cancelled", r.cancelled(), "cancelling", r.cancelling())
        print("children cancelled", [t.cancelled() for t in tasks], "b", fmt(tasks[1].result()))

loop.run_until_complete(main())
loop.close()
