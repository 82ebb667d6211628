# asyncio.run() with a loop whose task factory is eager (loop_factory): main itself starts
# normally (the loop is not running yet when run() creates it), the tasks main creates start
# eagerly, and at shutdown the leftovers are cancelled and finished as usual.
import asyncio
from vloop import VirtualLoop, fmt, ename

def T(): return "%.3f" % asyncio.get_running_loop().time()

def eager_loop():
    loop = VirtualLoop()
    loop.set_task_factory(asyncio.eager_task_factory)
    print("factory made the loop")
    return loop

async def job(n, d):
    print("  job", n, "starts", T())
    try:
        await asyncio.sleep(d)
        print("  job", n, "done", T())
        return n
    finally:
        if d > 1:
            await asyncio.sleep(0.25)
            print("  job", n, "cleaned up after cancel", T())

async def main():
    print("main starts", T())
    quick = asyncio.create_task(job(1, 0.5))
    print("main created job 1; done", quick.done())
    asyncio.create_task(job(2, 10))
    print("main created job 2")
    r = await quick
    print("main got", r, T())
    return "main"

print("run ->", fmt(asyncio.run(main(), loop_factory=eager_loop)))
