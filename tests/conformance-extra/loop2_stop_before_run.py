# stop() before a run makes the next run do exactly one iteration (the clock does not jump
# to a pending timer, but timers already due run); run_until_complete stopped early raises
# RuntimeError and leaves the task pending, and a later run_until_complete finishes it;
# stop() in the iteration that completes the future leaves run_until_complete's callback queued.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

def cb(name, *more):
    print("run", name, "t=" + T())
    for m in more:
        loop.call_soon(cb, m)

async def worker():
    print("worker start t=" + T())
    await asyncio.sleep(2)
    print("worker woke t=" + T())
    await asyncio.sleep(1)
    return "worker result"

def attempt(label, aw):
    try:
        r = loop.run_until_complete(aw)
        print(label, "->", fmt(r), "t=" + T())
    except Exception as e:
        print(label, "raised", fmt(e), "t=" + T())

# 1. stop() before run_forever: one iteration, pending timer not reached
loop.call_later(1, cb, "timer@1")
loop.call_soon(cb, "s1", "s1-child")
loop.call_later(0, cb, "zero timer (due)")
loop.stop()
loop.stop()
loop.run_forever()
print("1: returned t=" + T(), "running:", loop.is_running())

# 2. the flag was consumed: a normal run continues where we left off
loop.call_later(1.5, loop.stop)
loop.run_forever()
print("2: returned t=" + T())

# 3. stop() before run_until_complete(task): one iteration, then RuntimeError
task = loop.create_task(worker())
loop.stop()
attempt("3: run_until_complete", task)
print("3: task done:", task.done())

# 4. stop() from a timer while the task sleeps: RuntimeError again
loop.call_later(1, lambda: (print("stopper t=" + T()), loop.stop()))
attempt("4: run_until_complete", task)
print("4: task done:", task.done())

# 5. running again finishes it; then an already-finished task returns at once
attempt("5: run_until_complete", task)
attempt("5b: run_until_complete (done task)", task)

# 6. stop() before running a coroutine that would need a timer
loop.stop()
async def nap():
    return await asyncio.sleep(0.5, "slept")
attempt("6: run_until_complete", nap())
print("6: tasks left:", len(asyncio.all_tasks(loop)))
loop.call_later(1, loop.stop)
loop.run_forever()
print("6: after another run t=" + T(), "tasks left:", len(asyncio.all_tasks(loop)))

# 7. stop() in the iteration that completes the future: the result is returned, and
# run_until_complete's own done callback, already queued, stops the next run after one iteration
fut7 = loop.create_future()
def stop_and_resolve():
    print("stop_and_resolve t=" + T())
    loop.stop()
    fut7.set_result("resolved")
    loop.call_soon(cb, "queued after set_result")
loop.call_later(1, stop_and_resolve)
attempt("7: run_until_complete", fut7)
loop.call_later(5, cb, "timer@+5")
loop.run_forever()
print("7: run_forever returned at once t=" + T())
loop.call_later(6, loop.stop)
loop.run_forever()
print("7: next run t=" + T())
loop.close()
