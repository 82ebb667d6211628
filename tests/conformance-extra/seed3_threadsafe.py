# run_coroutine_threadsafe as far as one thread can show it, on virtual time: the docs' usage
# (asyncio.sleep(1, result=3) submitted to the loop; the concurrent future is done with 3
# after the loop ran past 1.0), a coroutine submitted from a loop callback, one that raises,
# cancel() of the returned future while the task sleeps (the task is cancelled on the loop),
# cancel() before the loop ran the submission (the task still starts, then is cancelled at
# its first await), and cancel() of a done one (False).
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
def T(): return "%.3f" % loop.time()

async def job(tag, d, fail=False):
    print(tag, "starts", T())
    try:
        await asyncio.sleep(d)
    except asyncio.CancelledError:
        print(tag, "cancelled", T())
        raise
    if fail:
        print(tag, "fails", T())
        raise ValueError(tag)
    print(tag, "done", T())
    return tag

def show(tag, cf):
    if not cf.done():
        print(tag, "pending", "cancelled:", cf.cancelled())
    elif cf.cancelled():
        print(tag, "cancelled")
    elif cf.exception() is not None:
        print(tag, "failed:", fmt(cf.exception()))
    else:
        print(tag, "result:", fmt(cf.result()))

print("-- the docs' usage: sleep(1, result=3)")
coro = asyncio.sleep(1, result=3)
future = asyncio.run_coroutine_threadsafe(coro, loop)
show("future", future)
loop.run_until_complete(asyncio.sleep(0.5))
show("at 0.5", future)
loop.run_until_complete(asyncio.sleep(1))
show("at 1.5", future)
print(T())

print("-- submitted from a loop callback")
box = []
loop.call_later(0.25, lambda: box.append(asyncio.run_coroutine_threadsafe(job("cb", 0.5), loop)))
loop.run_until_complete(asyncio.sleep(1))
show("from callback", box[0])
print(T())

print("-- a coroutine that raises")
cf = asyncio.run_coroutine_threadsafe(job("bad", 0.25, True), loop)
loop.run_until_complete(asyncio.sleep(0.5))
show("bad", cf)
try:
    cf.result()
except ValueError as e:
    print("result() raises", fmt(e))

print("-- cancel() while the task sleeps")
cf = asyncio.run_coroutine_threadsafe(job("long", 10), loop)
loop.run_until_complete(asyncio.sleep(0.5))
print("cancel:", cf.cancel(), T())
show("long", cf)
loop.run_until_complete(asyncio.sleep(0.5))
print("cancel again:", cf.cancel(), T())

print("-- cancel() of a done one")
cf = asyncio.run_coroutine_threadsafe(job("quick", 0.125), loop)
loop.run_until_complete(asyncio.sleep(0.5))
show("quick", cf)
print("cancel:", cf.cancel(), "cancelled:", cf.cancelled())

print("-- cancel() before the loop ran the submission")
cf = asyncio.run_coroutine_threadsafe(job("early", 1), loop)
print("cancel:", cf.cancel(), T())
show("early", cf)
loop.run_until_complete(asyncio.sleep(0.5))
print("after the run", T())
loop.close()
