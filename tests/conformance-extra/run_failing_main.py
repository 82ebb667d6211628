# asyncio.run() with a main that fails: the leftover tasks are still cancelled and finished
# (one of them fails in its cleanup: reported to the exception handler with asyncio's
# shutdown message and the task), the loop is closed, and main's exception comes out of
# run(). A main cancelled by another task makes run() raise CancelledError the same way.
import asyncio
from vloop import VirtualLoop, fmt, ename

def T(): return "%.3f" % asyncio.get_running_loop().time()

def handler(loop, context):
    task = context.get("task")
    print("handler:", context["message"], "|", fmt(context.get("exception")),
          "| task", task.get_name() if task else None, "%.3f" % loop.time())

async def tidy(name, d, fail=False):
    try:
        await asyncio.sleep(100)
    finally:
        await asyncio.sleep(d)
        print(name, "cleaned up", T())
        if fail:
            raise ValueError(name + " cleanup failed")

async def failing_main():
    global loop1
    loop1 = asyncio.get_running_loop()
    loop1.set_exception_handler(handler)
    asyncio.create_task(tidy("quiet", 0.1), name="quiet")
    asyncio.create_task(tidy("noisy", 0.2, fail=True), name="noisy")
    await asyncio.sleep(0.5)
    raise KeyError("main failed")

try:
    asyncio.run(failing_main(), loop_factory=VirtualLoop)
except KeyError as e:
    print("run raised", ename(e), "loop closed:", loop1.is_closed(), "%.3f" % loop1.time())

async def victim():
    global loop2
    loop2 = asyncio.get_running_loop()
    me = asyncio.current_task()
    asyncio.get_running_loop().call_later(0.3, me.cancel, "stop main")
    asyncio.create_task(tidy("bystander", 0.1))
    await asyncio.sleep(10)

try:
    asyncio.run(victim(), loop_factory=VirtualLoop)
except asyncio.CancelledError as e:
    print("run raised", fmt(e), "loop closed:", loop2.is_closed(), "%.3f" % loop2.time())
