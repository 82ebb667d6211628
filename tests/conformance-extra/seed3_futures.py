# The seed's Future examples on virtual time: asyncio.Future() on the current loop completed
# by a coroutine (run_until_complete(future)), the run_forever variant whose done callback
# stops the loop, set_result / set_exception / cancel called from call_later callbacks with
# done callbacks and an awaiting task, the InvalidStateError cases, and remove_done_callback.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

def state(f):
    return "done=%s cancelled=%s" % (f.done(), f.cancelled())

async def slow_operation(future, d, value):
    await asyncio.sleep(d)
    print("slow_operation sets", fmt(value), T())
    future.set_result(value)
    print("  right after set_result:", state(future))

print("-- Future with run_until_complete")
future = asyncio.Future()
print("on the current loop:", future.get_loop() is loop, state(future))
asyncio.ensure_future(slow_operation(future, 1, "Future is done!"))
print("returned:", fmt(loop.run_until_complete(future)), T())
print(future.result(), state(future))

print("-- Future with run_forever and a done callback")
def got_result(future):
    print("got_result:", fmt(future.result()), T())
    loop.stop()
future = asyncio.Future()
asyncio.ensure_future(slow_operation(future, 2, "second"))
future.add_done_callback(got_result)
loop.run_forever()
print("after run_forever", state(future), T())

print("-- set_result / set_exception / cancel from call_later callbacks")
f1, f2, f3 = loop.create_future(), loop.create_future(), loop.create_future()
for name, f in (("f1", f1), ("f2", f2), ("f3", f3)):
    f.add_done_callback(lambda f, name=name: print("callback", name, state(f), T()))
loop.call_later(0.5, f1.set_result, 42)
loop.call_later(1.5, f2.set_exception, ValueError("boom"))
loop.call_later(1.0, f3.cancel)
async def watch():
    for name, f in (("f1", f1), ("f2", f2), ("f3", f3)):
        try:
            print(name, "->", fmt(await f), T())
        except ValueError as e:
            print(name, "raised", fmt(e), T())
        except asyncio.CancelledError:
            print(name, "cancelled", T())
loop.run_until_complete(watch())
print("f1", fmt(f1.result()), "f2 exc", fmt(f2.exception()))
for what in ("result", "exception"):
    try:
        getattr(f3, what)()
    except asyncio.CancelledError as e:
        print("f3.%s():" % what, ename(e))

print("-- result() and exception() while pending, and setting twice")
f = loop.create_future()
for what in ("result", "exception"):
    try:
        getattr(f, what)()
    except asyncio.InvalidStateError as e:
        print(what, "pending:", ename(e))
f.set_result("once")
for what, arg in (("set_result", "twice"), ("set_exception", ValueError("x"))):
    try:
        getattr(f, what)(arg)
    except asyncio.InvalidStateError as e:
        print(what, "when done:", ename(e))
print("cancel a done future:", f.cancel(), "result still", fmt(f.result()), "exception", fmt(f.exception()))
f = loop.create_future()
print("cancel pending:", f.cancel(), "again:", f.cancel())
try:
    f.set_result(1)
except asyncio.InvalidStateError as e:
    print("set_result when cancelled:", ename(e))

print("-- remove_done_callback")
f = loop.create_future()
def cb(f): print("cb ran", T())
def other(f): print("other ran", fmt(f.result()), T())
f.add_done_callback(cb)
f.add_done_callback(other)
f.add_done_callback(cb)
print("removed:", f.remove_done_callback(cb), "again:", f.remove_done_callback(cb))
loop.call_later(0.25, f.set_result, "v")
loop.run_until_complete(f)
f.add_done_callback(other)
print("added to a done future: runs later", T())
loop.run_until_complete(asyncio.sleep(0))
print("end", T())
