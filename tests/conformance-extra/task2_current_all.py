# current_task() and all_tasks(): outside a running loop they raise RuntimeError (with an
# explicit loop they answer); inside a task current_task() is that task, inside plain
# callbacks and done callbacks it is None; all_tasks() holds exactly the tasks not done yet:
# a cancelled task stays until it has really finished, a finished one leaves at once.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

def names(loop_=None):
    ts = asyncio.all_tasks(loop_) if loop_ is not None else asyncio.all_tasks()
    return "[" + ", ".join(sorted(t.get_name() for t in ts)) + "]"

async def sleeper(d):
    try:
        await asyncio.sleep(d)
    except asyncio.CancelledError:
        print("  sleeper", asyncio.current_task().get_name(), "cancelled; all_tasks", names(), T())
        await asyncio.sleep(0.125)
        print("  sleeper cleanup over", T())
        raise
    return d

def plain_cb(tag):
    print("  callback", tag, "current_task is None", asyncio.current_task() is None, "all_tasks", names())

def done_cb(fut):
    print("  done callback of", fut.get_name(), "current_task is None", asyncio.current_task() is None, "all_tasks", names())

try:
    asyncio.current_task()
except RuntimeError as e:
    print("current_task() outside:", ename(e))
try:
    asyncio.all_tasks()
except RuntimeError as e:
    print("all_tasks() outside:", ename(e))
print("current_task(loop) outside:", fmt(asyncio.current_task(loop)))

early = loop.create_task(sleeper(3), name="early")
print("all_tasks(loop) before running:", names(loop))

async def main():
    me = asyncio.current_task()
    print("main: current_task is me", me is asyncio.current_task(), "name", me.get_name())
    print("all_tasks at start", names())
    a = loop.create_task(sleeper(1), name="a")
    b = loop.create_task(sleeper(2), name="b")
    a.add_done_callback(done_cb)
    loop.call_soon(plain_cb, "soon")
    print("after creating a, b", names())
    await asyncio.sleep(0.5)
    print("at 0.5", names(), T())
    b.cancel()
    print("right after b.cancel()", names())
    await asyncio.sleep(0.25)
    print("at 0.75", names(), T())
    await a
    print("after awaiting a", names(), T())
    c = loop.create_task(sleeper(0.25), name="c")
    await asyncio.sleep(0.5)
    print("c done", c.done(), "all_tasks", names(), T())
    return "main done"

print("run ->", fmt(loop.run_until_complete(main())))
print("left over after the run:", names(loop))
print("current_task(loop) after the run:", fmt(asyncio.current_task(loop)))
early.cancel()
try:
    loop.run_until_complete(early)
except asyncio.CancelledError:
    print("early cancelled", early.cancelled(), "left over:", names(loop), T())
loop.close()
