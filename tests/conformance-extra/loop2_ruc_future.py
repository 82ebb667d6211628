# run_until_complete(future): the loop stops one iteration after the future is done (its
# done callbacks, run_until_complete's own included, are scheduled with call_soon), so
# callbacks already ready by then still run and what they schedule waits for the next run.
# An already-done future runs exactly one iteration; a cancelled or failed future raises.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

def cb(name, *more):
    print("run", name, "t=" + T())
    for m in more:
        loop.call_soon(cb, m)

def attempt(label, aw):
    try:
        r = loop.run_until_complete(aw)
        print(label, "->", fmt(r), "t=" + T(), "running:", loop.is_running())
    except BaseException as e:
        print(label, "raised", ename(e), "t=" + T())

# 1. resolved by a timer callback, with callbacks around the set_result
fut = loop.create_future()
fut.add_done_callback(lambda f: print("user done cb (added before run):", fmt(f.result()), "t=" + T()))
def resolver():
    print("resolver t=" + T())
    loop.call_soon(cb, "x (before set_result)", "x-child")
    fut.set_result(42)
    loop.call_soon(cb, "y (after set_result)", "y-child")
    fut.add_done_callback(lambda f: print("user done cb (added after done) t=" + T()))
loop.call_later(1, resolver)
loop.call_later(2, cb, "timer@2")
attempt("1", fut)
loop.call_later(0.5, loop.stop)
loop.run_forever()
print("1: next run t=" + T())

# 2. an already-done future: exactly one iteration, no jump in time
loop.call_soon(cb, "ready before", "its child")
loop.call_later(0, cb, "zero timer")
attempt("2", fut)
attempt("2b", fut)

# 3. a future cancelled by a callback, a future failed by another
fut3 = loop.create_future()
loop.call_later(0.25, fut3.cancel)
attempt("3 cancelled", fut3)
fut4 = loop.create_future()
loop.call_later(0.3, fut4.set_exception, ValueError("boom"))
attempt("4 failed", fut4)
try:
    loop.run_until_complete(fut4)
except ValueError as e:
    print("4 again:", fmt(e))

# 5. resolved by a task running in the loop
fut5 = loop.create_future()
async def producer():
    await asyncio.sleep(0.5)
    fut5.set_result("from task")
    print("producer after set_result t=" + T())
    await asyncio.sleep(0)
    print("producer next step t=" + T())
    await asyncio.sleep(0)
    print("producer third step t=" + T())
t5 = loop.create_task(producer())
attempt("5", fut5)
print("5: producer done:", t5.done())
attempt("5 rest", t5)
loop.call_later(10, cb, "leftover timer")
loop.close()
