# What asyncio.run() can run: a coroutine function's coroutine, asyncio.sleep(...) and
# asyncio.wait_for(...) themselves (they are coroutines); main runs as a Task named Task-N
# like any other, and the leftover a main leaves is cancelled with run()'s plain
# cancellation (no message). (Task names are printed in the first run only: asyncio.run's
# shutdown makes two tasks of its own, shutdown_asyncgens and shutdown_default_executor.)
import asyncio
from vloop import VirtualLoop, fmt, ename

def T(): return "%.3f" % asyncio.get_running_loop().time()

async def slow():
    await asyncio.sleep(5)
    return "slow"

async def who():
    me = asyncio.current_task()
    print("main task:", me.get_name(), T())
    t = asyncio.create_task(leftover())
    await asyncio.sleep(0.1)
    print("leftover task:", t.get_name(), T())
    return "who"

async def leftover():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as e:
        print("leftover cancelled with", fmt(e), T())
        raise

print("coroutine ->", fmt(asyncio.run(who(), loop_factory=VirtualLoop)))
print("sleep ->", fmt(asyncio.run(asyncio.sleep(0.5, "slept"), loop_factory=VirtualLoop)))
try:
    asyncio.run(asyncio.wait_for(slow(), 1), loop_factory=VirtualLoop)
except TimeoutError as e:
    print("wait_for ->", ename(e))
print("wait_for in time ->", fmt(asyncio.run(asyncio.wait_for(slow(), 10), loop_factory=VirtualLoop)))
print("again ->", fmt(asyncio.run(asyncio.sleep(0.2, "again"), loop_factory=VirtualLoop)))
