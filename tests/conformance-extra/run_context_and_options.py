# asyncio.run() runs main in a copy of the caller's context: main sees what was set before
# the call, and what main (or its tasks) set is gone after it; each run() starts from the
# caller's values again. debug= sets the loop's debug mode; loop_factory is called once and
# its loop runs main; the loop is closed after every run.
import asyncio
import contextvars
from vloop import VirtualLoop, fmt, ename

def T(): return "%.3f" % asyncio.get_running_loop().time()

setting = contextvars.ContextVar("setting", default="factory default")
made = []

def factory():
    loop = VirtualLoop()
    made.append(loop)
    return loop

async def child():
    await asyncio.sleep(0.1)
    setting.set("set by child")
    return setting.get()

async def main(tag):
    loop = asyncio.get_running_loop()
    print(tag, "sees", fmt(setting.get()), "debug", loop.get_debug(), "loop is the factory's:", loop is made[-1], T())
    setting.set("set by " + tag)
    r = await asyncio.create_task(child())
    print(tag, "child returned", fmt(r), "main sees", fmt(setting.get()), T())
    return setting.get()

print("before:", fmt(setting.get()))
print("run 1 ->", fmt(asyncio.run(main("run 1"), loop_factory=factory)))
print("after run 1:", fmt(setting.get()), "loops made", len(made), "closed", made[-1].is_closed())
setting.set("set by the caller")
print("run 2 ->", fmt(asyncio.run(main("run 2"), debug=True, loop_factory=factory)))
print("after run 2:", fmt(setting.get()), "loops made", len(made), "closed", made[-1].is_closed())
print("run 3 ->", fmt(asyncio.run(main("run 3"), debug=False, loop_factory=factory)))
