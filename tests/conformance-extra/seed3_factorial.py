# The seed's parallel factorials on virtual time, with distinct steps so no two timers share
# a deadline: through gather (results in argument order, whatever the finishing order),
# through ensure_future + wait (done/pending sets), wait FIRST_COMPLETED with a timeout,
# gather with return_exceptions (a failing factorial is a value), gather without it (the
# first failure is raised while the others go on; cancel() of the done gather is False), and
# cancelling a gather (every child that is not done is cancelled).
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

async def factorial(name, number, step):
    f = 1
    for i in range(2, number + 1):
        print("Task %s: Compute factorial(%s)... %s" % (name, i, T()))
        await asyncio.sleep(step)
        f *= i
    if number < 0:
        await asyncio.sleep(step)
        print("Task %s: negative %s" % (name, T()))
        raise ValueError("factorial(%s)" % number)
    print("Task %s: factorial(%s) = %s %s" % (name, number, f, T()))
    return f

print("-- gather")
g = asyncio.gather(factorial("A", 2, 1), factorial("B", 3, 0.75), factorial("C", 4, 0.625))
print("gather done before the run:", g.done())
print("results:", fmt(loop.run_until_complete(g)), T())

print("-- ensure_future + wait")
tasks = [asyncio.ensure_future(factorial("A", 2, 1)),
         asyncio.ensure_future(factorial("B", 3, 0.75)),
         asyncio.ensure_future(factorial("C", 4, 0.625))]
done, pending = loop.run_until_complete(asyncio.wait(tasks))
print("done:", len(done), "pending:", len(pending), "results:", fmt([t.result() for t in tasks]), T())

print("-- wait FIRST_COMPLETED, then a timeout")
async def first_completed():
    tasks = [asyncio.ensure_future(factorial(n, k, s)) for n, k, s in (("A", 3, 1), ("B", 2, 1.25), ("C", 5, 0.375))]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print("first:", [t.result() for t in done], "pending:", len(pending), T())
    done, pending = await asyncio.wait(pending, timeout=0.625)
    print("after timeout: done", len(done), "pending", len(pending), T())
    done, pending = await asyncio.wait(pending)
    print("all:", fmt([t.result() for t in tasks]), T())
loop.run_until_complete(first_completed())

print("-- gather with return_exceptions")
res = loop.run_until_complete(asyncio.gather(
    factorial("A", 3, 0.5), factorial("N", -1, 0.75), factorial("B", 2, 1.25), return_exceptions=True))
print("results:", fmt(res), T())

print("-- gather without return_exceptions")
async def no_return_exceptions():
    a = asyncio.ensure_future(factorial("A", 4, 0.5))
    g = asyncio.gather(a, factorial("N", -1, 0.25))
    try:
        await g
    except ValueError as e:
        print("raised", fmt(e), T(), "a done:", a.done(), "gather done:", g.done())
    print("cancel the done gather:", g.cancel(), "a cancelled:", a.cancelled())
    print("a still finishes:", await a, T())
loop.run_until_complete(no_return_exceptions())

print("-- cancelling the gather cancels its children")
async def cancel_gather():
    a = asyncio.ensure_future(factorial("A", 2, 0.25))
    b = asyncio.ensure_future(factorial("B", 5, 0.5))
    g = asyncio.gather(a, b)
    await asyncio.sleep(0.75)
    print("cancel:", g.cancel(), "a done:", a.done(), "b cancelled:", b.cancelled(), T())
    try:
        await g
    except asyncio.CancelledError as e:
        print("gather raised", ename(e), "cancelled:", g.cancelled(), "b cancelled:", b.cancelled(), T())
    print("a result:", a.result(), "cancel again:", g.cancel())
loop.run_until_complete(cancel_gather())
print("end", T())
