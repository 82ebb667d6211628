# asyncio.sleep() is a coroutine: wrapping it (run_until_complete, gather, ensure_future)
# makes a Task, which takes a "Task-N" number and shows in all_tasks(); and its delay counts
# from when it is first awaited, not from the call.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

async def probe(tag):
    print(tag, "runs in", asyncio.current_task().get_name(), "tasks alive", len(asyncio.all_tasks()))
    return tag

print("run sleep ->", fmt(loop.run_until_complete(asyncio.sleep(0.25, "slept"))), T())

async def main():
    print("main is", asyncio.current_task().get_name())
    res = await asyncio.gather(asyncio.sleep(0.1, "x"), probe("g"))
    print("gather ->", fmt(res), T())
    e = asyncio.ensure_future(asyncio.sleep(0.2, "e"))
    t = loop.create_task(probe("t"))
    print("ensure_future(sleep) ->", fmt(await e), fmt(await t), T())
    s = asyncio.sleep(1, "late")
    await asyncio.sleep(0.5)
    print("made at 0.550, awaited at", T())
    print("await s ->", fmt(await s), T())

loop.run_until_complete(main())
loop.close()
