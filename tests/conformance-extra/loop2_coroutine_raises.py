# run_until_complete(coro) whose coroutine raises: the exception comes out of
# run_until_complete one iteration later (callbacks ready by then run first); the loop is
# not running afterwards and can be run again; CancelledError raised by the coroutine
# itself cancels its task; an exception caught inside the coroutine does not escape.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

class AppError(Exception):
    pass

def cb(name, *more):
    print("run", name, "t=" + T())
    for m in more:
        loop.call_soon(cb, m)

async def inner(d, exc):
    await asyncio.sleep(d)
    raise exc

async def fails_later():
    loop.call_soon(cb, "scheduled at start")
    await asyncio.sleep(1)
    loop.call_soon(cb, "scheduled right before raise", "its child")
    await inner(0.5, AppError("deep failure"))
    print("never printed")

async def fails_at_once():
    loop.call_soon(cb, "scheduled by fails_at_once")
    raise ValueError("immediately")

async def cancels_itself():
    await asyncio.sleep(0.25)
    raise asyncio.CancelledError()

async def recovers():
    try:
        await inner(0.25, ValueError("caught"))
    except ValueError as e:
        print("recovers caught", fmt(e), "t=" + T())
    fut = loop.create_future()
    loop.call_later(0.5, fut.set_exception, AppError("from future"))
    try:
        await fut
    except AppError as e:
        print("recovers caught", fmt(e), "t=" + T())
    return "recovered"

def attempt(label, aw):
    try:
        r = loop.run_until_complete(aw)
        print(label, "->", fmt(r), "t=" + T())
    except asyncio.CancelledError:
        print(label, "raised CancelledError t=" + T())
    except Exception as e:
        print(label, "raised", fmt(e), "t=" + T())
    print("  running:", loop.is_running(), "closed:", loop.is_closed())

attempt("fails_later", fails_later())
attempt("fails_at_once", fails_at_once())
t = loop.create_task(cancels_itself())
t.add_done_callback(lambda f: print("done cb: cancelled", f.cancelled(), "t=" + T()))
attempt("cancels_itself", t)
print("task cancelled:", t.cancelled(), "done:", t.done())
attempt("recovers", recovers())
t2 = loop.create_task(inner(0.5, AppError("task failure")))
attempt("task", t2)
print("task exception:", fmt(t2.exception()))
attempt("task again", t2)
loop.close()
