# close(): refused while running (the run goes on), idempotent, drops pending callbacks;
# afterwards scheduling and running raise RuntimeError, while stop(), time(), cancel() of
# old handles, create_future() and a Future without callbacks still work.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

def attempt(label, f):
    try:
        r = f()
        print(label, "ok", fmt(r))
    except Exception as e:
        print(label, "raised", fmt(e))

def cb(name):
    print("run", name, "t=" + T())

def inside():
    print("inside: running", loop.is_running(), "closed", loop.is_closed())
    attempt("inside close()", loop.close)
    fut = loop.create_future()
    attempt("inside run_until_complete", lambda: loop.run_until_complete(fut))
    print("inside: fut done", fut.done(), "closed", loop.is_closed())
    loop.call_soon(cb, "scheduled after failed close")

async def main():
    loop.call_soon(inside)
    await asyncio.sleep(1)
    print("main still running t=" + T())
    return "main result"

print("result:", fmt(loop.run_until_complete(main())))
pending_soon = loop.call_soon(cb, "dropped soon")
pending_timer = loop.call_later(5, cb, "dropped timer")
loop.close()
print("closed:", loop.is_closed(), "running:", loop.is_running())
attempt("close() again", loop.close)
print("pending handles cancelled:", pending_soon.cancelled(), pending_timer.cancelled())
attempt("cancel old timer", pending_timer.cancel)
print("old timer cancelled now:", pending_timer.cancelled())
attempt("call_soon", lambda: loop.call_soon(cb, "x"))
attempt("call_soon_threadsafe", lambda: loop.call_soon_threadsafe(cb, "x"))
attempt("call_later", lambda: loop.call_later(1, cb, "x"))
attempt("call_at", lambda: loop.call_at(10, cb, "x"))
attempt("stop", loop.stop)
print("time still works t=" + T())
fut = loop.create_future()
attempt("create_future done", fut.done)
attempt("set_result without callbacks", lambda: fut.set_result(7))
attempt("result", fut.result)
attempt("add_done_callback on done future", lambda: fut.add_done_callback(lambda f: None))
attempt("run_until_complete", lambda: loop.run_until_complete(fut))
attempt("run_forever", loop.run_forever)
print("end closed:", loop.is_closed())
