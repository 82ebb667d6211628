# Eager tasks relative to normal ones: an eager task's first step runs before the creator
# goes on, ahead of normal tasks created earlier (whose first step waits for the next
# iteration); after their first suspension, eager and normal tasks interleave in the order
# their wakeups were scheduled. Tasks made while the loop is not running (here the main task
# and one made before run_until_complete) start normally even with the eager factory.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

async def w(name, yields):
    print(" ", name, "starts", T())
    for i in range(yields):
        await asyncio.sleep(0)
        print(" ", name, "resumes", i + 1, T())
    return name

async def main():
    print("main starts")
    loop.set_task_factory(None)
    n1 = loop.create_task(w("normal-1", 2))
    loop.set_task_factory(asyncio.eager_task_factory)
    e1 = loop.create_task(w("eager-1", 2))
    print("main after eager-1")
    loop.set_task_factory(None)
    n2 = loop.create_task(w("normal-2", 1))
    loop.set_task_factory(asyncio.eager_task_factory)
    e2 = loop.create_task(w("eager-2", 1))
    e3 = loop.create_task(w("eager-3", 0))
    print("main after eager-3; e3 done:", e3.done())
    print(fmt(await asyncio.gather(n1, e1, n2, e2, e3, early)), T())

early = loop.create_task(w("made before the loop runs", 1))
loop.set_task_factory(asyncio.eager_task_factory)
print("before run: early done", early.done())
loop.run_until_complete(main())
loop.close()
