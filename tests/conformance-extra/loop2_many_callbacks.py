# Thousands of callbacks in one iteration: they run in scheduling order, handles cancelled
# by earlier callbacks of the same iteration (far ahead in the queue) are skipped, and what
# the callbacks schedule (call_soon, timers) waits for later iterations. Timers scheduled
# in a scrambled order run in deadline order, minus those cancelled along the way.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

N = 3000      # call_soon callbacks in the first iteration
M = 1500      # timers
order = []
H = {}        # call_soon handles
TH = {}       # timer handles by k

def digest(seq):
    h = 0
    for x in seq:
        h = (h * 31 + x + 1) % 1000000007
    return h

def cb(i):
    order.append(i)
    if i % 7 == 0 and i + 1100 < N:
        H[i + 1100].cancel()      # a handle far ahead in this iteration
    if i % 11 == 0 and i > 0:
        H[i - 1].cancel()         # already ran: no effect
    if i % 5 == 0:
        loop.call_soon(child, 10000 + i)
    if i % 13 == 0:
        loop.call_at(-1 + i / 100000, child, 20000 + i)  # past, unique deadline

def child(v):
    order.append(v)

def timer(k):
    order.append(50000 + k)
    if k % 3 == 0 and k + 1 < M:
        TH[k + 1].cancel()        # the next deadline, not run yet

def marker(name):
    print(name, "t=" + T(), "ran so far:", len(order), "digest:", digest(order))

def start():
    for i in range(N):
        H[i] = loop.call_soon(cb, i)
    loop.call_soon(marker, "end of first iteration")
    for j in range(M):
        k = (j * 7919) % M        # scrambled scheduling order, unique deadlines
        TH[k] = loop.call_at(10 + k / 1000, timer, k)
    loop.call_at(9, marker, "before timers")
    loop.call_at(20, marker, "after timers")
    loop.call_at(21, loop.stop)

loop.call_soon(start)
loop.run_forever()
first = [x for x in order if x < 10000]
print("first-iteration callbacks run:", len(first), "in order:", first == sorted(first),
      "cancelled:", sum(1 for i in range(N) if H[i].cancelled()))
print("call_soon children:", sum(1 for x in order if 10000 <= x < 20000),
      "past timers:", sum(1 for x in order if 20000 <= x < 50000))
tim = [x - 50000 for x in order if x >= 50000]
print("timers run:", len(tim), "in deadline order:", tim == sorted(tim),
      "cancelled:", sum(1 for h in TH.values() if h.cancelled()))
print("t=" + T(), "total:", len(order), "digest:", digest(order))
loop.close()
