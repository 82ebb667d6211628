# Task names in a group: a named child has its name; in 3.12 the group makes the task and
# names it afterwards, so a named child still takes a Task-N number, as the unnamed tasks
# made around it show; names seen from inside the children; the result order of the group's
# tasks follows their finishing times, not their creation.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

finished = []

async def child(d):
    me = asyncio.current_task()
    print("  child", me.get_name(), "starts", T())
    await asyncio.sleep(d)
    finished.append(me.get_name())
    return me.get_name()

async def main():
    print("main is", asyncio.current_task().get_name())
    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(child(0.3))
        b = tg.create_task(child(0.1), name="bee")
        c = tg.create_task(child(0.2))
        d = tg.create_task(child(0.4), name=None)
        print("names", [t.get_name() for t in (a, b, c, d)])
    outside = asyncio.create_task(child(0.1))
    await outside
    print("finished in order", finished, T())

loop.run_until_complete(main())
loop.close()
