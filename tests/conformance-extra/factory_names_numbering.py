# Names with a task factory (3.12): create_task(name=...) calls the factory without the name
# and renames what it returns, so the factory's Task takes a Task-N number first; without a
# factory a named task takes no number. The same holds for the eager factory, whose eager
# step runs before the rename.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

def plain(loop_, coro, **kwargs):
    return asyncio.Task(coro, loop=loop_, **kwargs)

async def tell():
    print("  step sees its name as", asyncio.current_task().get_name())
    await asyncio.sleep(0)
    print("  later it is", asyncio.current_task().get_name())

async def main():
    ts = [asyncio.create_task(tell(), name="no-factory"), asyncio.create_task(tell())]
    loop.set_task_factory(plain)
    ts += [asyncio.create_task(tell(), name="with-factory"), asyncio.create_task(tell())]
    loop.set_task_factory(asyncio.eager_task_factory)
    ts += [asyncio.create_task(tell(), name="eager"), asyncio.create_task(tell())]
    print("names:", [t.get_name() for t in ts])
    await asyncio.gather(*ts)

loop.run_until_complete(main())
loop.close()
