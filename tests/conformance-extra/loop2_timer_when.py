# TimerHandle.when() is the absolute loop time (now + delay; call_at's own `when`), also for
# negative and zero delays and deadlines in the past; such timers run in deadline order at
# the next iteration without moving the clock; time() inside a timer is its deadline.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()
def W(h): return "%.3f" % h.when()

def cb(name):
    print("run", name, "t=" + T())

def nest(depth):
    print("nest", depth, "t=" + T())
    if depth < 3:
        h = loop.call_later(0.5 * depth + 0.1, nest, depth + 1)
        print("  next nest when", W(h), "delay", "%.3f" % (h.when() - loop.time()))
    else:
        hp = loop.call_at(loop.time() - 2, cb, "past from nest")
        h0 = loop.call_later(0, cb, "zero from nest")
        hn = loop.call_later(-0.5, cb, "neg from nest")
        loop.call_soon(cb, "soon from nest")
        print("  past/zero/neg when", W(hp), W(h0), W(hn))

async def main():
    await asyncio.sleep(0.5)
    h1 = loop.call_later(1, cb, "later 1")
    h2 = loop.call_at(2.25, cb, "at 2.25")
    h3 = loop.call_later(0, cb, "later 0")
    h4 = loop.call_later(-3, cb, "later -3")
    h5 = loop.call_at(0.2, cb, "at 0.2 (past)")
    h6 = loop.call_soon(cb, "soon")
    print("when:", W(h1), W(h2), W(h3), W(h4), W(h5), "t=" + T())
    h7 = loop.call_later(0.75, nest, 0)
    print("nest when", W(h7))
    await asyncio.sleep(0)
    print("main after sleep(0) t=" + T())
    await asyncio.sleep(0)
    print("main after 2nd sleep(0) t=" + T())
    await asyncio.sleep(5)
    print("when unchanged after running:", W(h1), W(h2), "cancelled:", h1.cancelled())
    h1.cancel()
    print("cancel after run: cancelled", h1.cancelled(), "when", W(h1))
    print("main done t=" + T())

loop.run_until_complete(main())
loop.close()
