# A task's context is a copy taken when the task is created: sets the creator makes after
# create_task (or after gather wrapped the coroutines) are invisible to the task, sets the
# task makes are invisible to the creator and to its siblings, and a task created by a task
# starts from that task's values.
import asyncio
import contextvars
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

user = contextvars.ContextVar("user", default="anonymous")
depth = contextvars.ContextVar("depth", default=0)

async def leaf(tag):
    print(" ", tag, "leaf sees", fmt(user.get()), depth.get(), T())
    depth.set(depth.get() + 1)
    return depth.get()

async def worker(tag, d):
    print(tag, "starts as", fmt(user.get()), T())
    await asyncio.sleep(d)
    print(tag, "after sleep still", fmt(user.get()), T())
    user.set(tag + "-owner")
    depth.set(10)
    r = await loop.create_task(leaf(tag))
    print(tag, "leaf returned", r, "my depth still", depth.get(), T())
    return user.get()

async def main():
    print("main starts as", fmt(user.get()))
    user.set("alice")
    t1 = loop.create_task(worker("w1", 0.3))
    user.set("bob")
    g = asyncio.gather(worker("w2", 0.1), worker("w3", 0.2))
    user.set("carol")
    await asyncio.sleep(0.05)
    print("main sees", fmt(user.get()), depth.get(), T())
    print("w1 ->", fmt(await t1), T())
    print("gather ->", fmt(await g), T())
    print("main ends as", fmt(user.get()), depth.get(), T())

loop.run_until_complete(main())
print("outside the loop", fmt(user.get()))
loop.close()
