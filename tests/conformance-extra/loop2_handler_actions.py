# The exception handler runs synchronously inside the iteration, between the failing
# callback and the next one; it may stop the loop (the iteration still finishes), schedule
# recovery callbacks (next iteration), and sees the running loop and the TimerHandle; a
# callback that cancels its own handle and then raises still reaches it.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

count = [0]

def running_loop_is(lp):
    try:
        return "yes" if asyncio.get_running_loop() is lp else "other"
    except RuntimeError as e:
        return "RuntimeError"

def handler(lp, ctx):
    count[0] += 1
    h = ctx.get("handle")
    when = ("%.3f" % h.when()) if isinstance(h, asyncio.TimerHandle) else "-"
    print("handler #%d" % count[0], fmt(ctx.get("exception")), "t=" + T(), "timer when:", when,
          "running loop:", running_loop_is(lp), "is_running:", lp.is_running())
    exc = ctx.get("exception")
    if exc is not None and str(exc) == "stop me":
        lp.stop()
        print("handler: stop() requested")
    if exc is not None and str(exc).startswith("recover"):
        lp.call_soon(recover, str(exc))

def recover(what):
    print("recover after", what, "t=" + T())

def bad(msg):
    print("bad", msg, "t=" + T())
    raise ValueError(msg)

def good(tag, *more):
    print("good", tag, "t=" + T())
    for m in more:
        loop.call_soon(good, m)

loop.set_exception_handler(handler)
loop.call_soon(good, "first")
loop.call_soon(bad, "recover-1")
loop.call_soon(good, "same iteration", "next iteration")
loop.call_later(0.75, bad, "recover-timer")
loop.call_later(1.5, bad, "stop me")
loop.call_later(1.5 + 1e-6, good, "later timer (after restart)")
loop.call_soon(good, "second", "second's child")
loop.run_forever()
print("run_forever returned after handler stop t=" + T(), "running:", loop.is_running())
loop.call_later(1, loop.stop)
loop.run_forever()
print("second run returned t=" + T())
loop.call_exception_handler({"message": "outside", "exception": ValueError("outside any run")})
H = {}
def self_cancel_then_raise():
    print("self_cancel_then_raise t=" + T())
    H["me"].cancel()
    raise ValueError("after self-cancel")
H["me"] = loop.call_soon(self_cancel_then_raise)
loop.call_soon(good, "after self-cancel")
loop.call_later(0.5, loop.stop)
loop.run_forever()
print("self-cancelled handle cancelled:", H["me"].cancelled(), "t=" + T())
print("handler calls:", count[0])
loop.set_exception_handler(None)
loop.close()
