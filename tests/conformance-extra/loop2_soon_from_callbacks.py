# call_soon from callbacks and timers: what a callback schedules waits for the next
# iteration, after the rest of the current one; due timers join the ready queue behind the
# callbacks that were already ready, so a zero-delay timer scheduled before a call_soon
# still runs after it.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

it = [0]
def tick(n):
    # marks iteration boundaries: one tick per iteration while n > 0
    it[0] += 1
    print("-- tick", it[0], "t=" + T())
    if n > 1:
        loop.call_soon(tick, n - 1)

def cb(name, *children):
    print("run", name, "t=" + T())
    for c in children:
        if c.startswith("L0:"):
            loop.call_later(0, cb, c)
        elif c.startswith("N:"):
            loop.call_later(-1, cb, c)
        else:
            loop.call_soon(cb, c)

def timer(name):
    print("timer", name, "t=" + T())
    loop.call_later(0, cb, name + "/L0")
    loop.call_soon(cb, name + "/soon", name + "/soon/soon")
    loop.call_later(0.25, cb, name + "/+0.25")

def main_cb():
    loop.call_soon(tick, 4)
    loop.call_soon(cb, "a", "a1", "a2")
    loop.call_later(0, cb, "L0:b", "b1")
    loop.call_soon(cb, "c", "L0:c1", "c2")
    loop.call_later(-1, cb, "N:d")
    loop.call_soon(cb, "e")
    loop.call_later(1, timer, "T1")
    loop.call_later(2, timer, "T2")
    loop.call_later(3, loop.stop)

loop.call_soon(main_cb)
loop.run_forever()
print("stopped t=" + T())
loop.close()
