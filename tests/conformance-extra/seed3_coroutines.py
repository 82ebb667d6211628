# The seed's coroutine examples on virtual time: hello world run by run_until_complete (a
# coroutine does nothing until the loop runs it), display_date looping on sleep() until an
# end time, compute/print_sum chained with await (values, an exception propagating through
# the chain to the task and to run_until_complete), two chains as interleaving tasks, and a
# closed loop refusing to run.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

async def hello_world():
    print("Hello World!", T(), "running:", loop.is_running())
    return "hw"

print("-- hello world coroutine")
c = hello_world()
print("iscoroutine:", asyncio.iscoroutine(c), "isfuture:", asyncio.isfuture(c), "nothing printed yet")
print("result:", fmt(loop.run_until_complete(c)), T(), "running:", loop.is_running())

print("-- display the date every step seconds for 5 seconds")
async def display_date(loop, step):
    end_time = loop.time() + 5.0
    n = 0
    while True:
        print("date", T())
        n += 1
        if (loop.time() + step) >= end_time:
            break
        await asyncio.sleep(step)
    return n
print("ticks:", loop.run_until_complete(display_date(loop, 1)), T())
print("ticks:", loop.run_until_complete(display_date(loop, 1.5)), T())

print("-- chain coroutines")
async def compute(x, y):
    print("Compute %s + %s ..." % (x, y), T())
    await asyncio.sleep(1.0)
    if y < 0:
        raise ValueError("negative %s" % y)
    return x + y

async def print_sum(x, y):
    result = await compute(x, y)
    print("%s + %s = %s" % (x, y, result), T())
    return result

t = loop.create_task(print_sum(1, 2))
print("task done before the run:", t.done())
print("value:", loop.run_until_complete(t), "done:", t.done(), fmt(t.result()), T())

print("-- an exception in the inner coroutine propagates")
t = loop.create_task(print_sum(1, -2))
try:
    loop.run_until_complete(t)
except ValueError as e:
    print("raised", fmt(e), T())
print("task exception:", fmt(t.exception()), "cancelled:", t.cancelled())

async def guarded(x, y):
    try:
        return await print_sum(x, y)
    except ValueError as e:
        print("caught in guarded:", fmt(e), T())
        return -1
print("guarded:", loop.run_until_complete(guarded(2, -5)), T())

print("-- two chains as tasks interleave")
async def main():
    a = asyncio.ensure_future(print_sum(3, 4))
    await asyncio.sleep(0.5)
    b = asyncio.ensure_future(print_sum(5, 6))
    print("a done:", a.done(), "b done:", b.done(), T())
    ra = await a
    print("a awaited", T(), "b done:", b.done())
    return [ra, await b]
print("main:", fmt(loop.run_until_complete(main())), T())
loop.close()
c = hello_world()
try:
    loop.run_until_complete(c)
except RuntimeError as e:
    print("run on a closed loop:", ename(e))
c.close()
