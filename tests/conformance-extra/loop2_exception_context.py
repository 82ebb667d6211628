# The custom exception handler's context: a failing call_soon / call_later callback gives
# message + exception + handle (the very handle returned); a failing done callback of a
# Future gives a handle too; call_exception_handler passes the caller's dict through
# (future / task keys included). A handler that raises is contained: the loop goes on.
# set_exception_handler(None) restores the default handler.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

H = {}
seen = []

def handler(lp, ctx):
    seen.append(ctx)
    keys = sorted(ctx)
    h = ctx.get("handle")
    which = [k for k, v in H.items() if v is h]
    print("handler t=" + T(), "keys:", ",".join(keys), "exc:", fmt(ctx.get("exception")),
          "msg-prefix:", ctx["message"].split(" ")[0:3], "handle is:", which[0] if which else None)

def raising_handler(lp, ctx):
    print("raising_handler got:", fmt(ctx.get("exception")), "t=" + T())
    raise ValueError("handler broke")

def bad(tag):
    print("bad", tag, "t=" + T())
    raise ValueError(tag)

def good(tag):
    print("good", tag, "t=" + T())

class DoneCallbackError(Exception):
    pass

def bad_done(f):
    print("bad_done sees result", fmt(f.result()))
    raise DoneCallbackError("done-cb")

async def worker():
    await asyncio.sleep(0.1)
    return "w"

async def main():
    H["soon"] = loop.call_soon(bad, "soon")
    H["timer"] = loop.call_later(0.5, bad, "timer")
    loop.call_soon(good, "after soon")
    await asyncio.sleep(1)
    fut = loop.create_future()
    fut.add_done_callback(bad_done)
    fut.set_result("r")
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    task = loop.create_task(worker())
    await task
    ctx = {"message": "custom", "exception": ValueError("direct"), "future": fut, "task": task, "extra": 1}
    loop.call_exception_handler(ctx)
    last = seen[-1]
    print("same dict:", last is ctx, "future is fut:", last["future"] is fut, "task is task:", last["task"] is task)
    loop.call_exception_handler({"message": "no exception"})
    print("message only:", fmt(seen[-1].get("exception")), sorted(seen[-1]))

    loop.set_exception_handler(raising_handler)
    try:
        loop.call_exception_handler({"message": "via raising", "exception": ValueError("x")})
        print("call_exception_handler with raising handler returned normally")
    except Exception as e:
        print("call_exception_handler raised", fmt(e))
    loop.call_soon(bad, "under raising handler")
    loop.call_soon(good, "still runs")
    await asyncio.sleep(0.5)

    loop.set_exception_handler(None)
    print("handler is None:", loop.get_exception_handler() is None)
    loop.call_soon(bad, "default handler")
    loop.call_soon(good, "after default")
    await asyncio.sleep(0.5)
    try:
        loop.set_exception_handler(42)
    except TypeError as e:
        print("set_exception_handler(42):", ename(e))
    print("handler still None:", loop.get_exception_handler() is None)
    print("main done t=" + T())

loop.set_exception_handler(handler)
print("get_exception_handler is handler:", loop.get_exception_handler() is handler)
loop.run_until_complete(main())
loop.close()
