# With the eager task factory, a coroutine that never suspends runs to its end inside
# create_task: the task is done when create_task returns, before callbacks scheduled earlier
# and without a loop iteration; its done callbacks still go through the loop; awaiting it
# gives the result at once, and cancel() of it returns False.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
loop.set_task_factory(asyncio.eager_task_factory)
def T(): return "%.3f" % loop.time()

async def quick(n):
    print("  quick", n, "runs", T())
    return n * 2

async def main():
    loop.call_soon(print, "callback scheduled before create_task")
    t = loop.create_task(quick(1))
    print("create_task returned; done:", t.done(), "result:", t.result(), T())
    t.add_done_callback(lambda f: print("done callback of quick 1 ->", f.result()))
    print("cancel of a done eager task:", t.cancel(), "cancelled:", t.cancelled())
    print("await ->", await t, T())
    t2 = asyncio.create_task(quick(2), name="named")
    print("named:", t2.get_name(), "done:", t2.done())
    r = await asyncio.ensure_future(quick(3))
    print("ensure_future ->", r, T())
    await asyncio.sleep(0)
    print("after one iteration", T())

loop.run_until_complete(main())
loop.close()
