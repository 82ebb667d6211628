# The seed's callback examples on virtual time: "Hello World" with call_soon and a repeating
# call_later (stopped after a few rounds), "display the date" with call_later until an end
# time; around stop(): callbacks scheduled before it run in this run, those scheduled after
# it wait for the next run_forever; call_at with a cancelled handle; a closed loop refuses.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
def T(): return "%.3f" % loop.time()

count = 0
def print_and_repeat(loop, tag):
    global count
    count += 1
    print("Hello World", tag, count, T())
    if count < 4:
        h = loop.call_later(2, print_and_repeat, loop, tag)
        print("  next at", "%.3f" % h.when(), "cancelled:", h.cancelled())
    else:
        loop.stop()

print("-- hello world, every two seconds")
h = loop.call_soon(print_and_repeat, loop, "cb")
print("handle cancelled:", h.cancelled(), "running:", loop.is_running())
loop.run_forever()
print("stopped at", T(), "running:", loop.is_running())

print("-- display the date with call_later")
def display_date(end_time, loop):
    print("date", T())
    if (loop.time() + 1.0) < end_time:
        loop.call_later(1, display_date, end_time, loop)
    else:
        loop.stop()
loop.call_soon(display_date, loop.time() + 5.0, loop)
loop.run_forever()
print("done at", T())

print("-- stop(): scheduled before it runs now, scheduled after it waits")
def first():
    print("first", T(), "running:", loop.is_running())
    loop.stop()
    loop.call_soon(lambda: print("after stop", T()))
loop.call_soon(first)
loop.call_soon(lambda: print("second, same iteration", T()))
loop.run_forever()
print("between runs", T())
def timer():
    print("timer", T())
    loop.stop()
loop.call_later(0.5, timer)
loop.run_forever()
print("end", T())

print("-- call_at and cancel")
base = loop.time()
hs = [loop.call_at(base + d, print, "at", d) for d in (3, 1, 2)]
hs[2].cancel()
hs[2].cancel()
print("cancelled:", fmt([h.cancelled() for h in hs]), "whens:", fmt(["%.3f" % (h.when() - base) for h in hs]))
loop.call_at(base + 4, loop.stop)
loop.run_forever()
print("end", T(), "cancel after it ran:", hs[0].cancel(), hs[0].cancelled())
loop.close()
loop.close()
print("closed:", loop.is_closed())
for what, call in (("call_soon", lambda: loop.call_soon(print, "never")),
                   ("call_later", lambda: loop.call_later(1, print, "never")),
                   ("run_forever", loop.run_forever)):
    try:
        call()
    except RuntimeError as e:
        print(what, "on a closed loop:", ename(e))
