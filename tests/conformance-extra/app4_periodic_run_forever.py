# a periodic job driven by call_later re-scheduling itself (the handle is kept so it can be
# cancelled), under run_forever(); a monitor task stops the loop with stop(); a callback scheduled
# after stop() waits for the next run, the periodic timer survives the stop and keeps going when
# run_forever() is called again; a drift-free call_at variant; at the end the timer is
# cancelled and a pending task is finished with run_until_complete.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

class Periodic:
    def __init__(self, name, interval, drift_free=False):
        self.name, self.interval, self.drift_free = name, interval, drift_free
        self.count = 0
        self.start = loop.time()
        self.handle = loop.call_later(interval, self.tick)
    def tick(self):
        self.count += 1
        print("  tick", self.name, self.count, T())
        if self.drift_free:
            self.handle = loop.call_at(self.start + (self.count + 1) * self.interval, self.tick)
        else:
            loop.call_soon(print, "  after tick", self.name, self.count)
            self.handle = loop.call_later(self.interval, self.tick)

async def monitor(p, stop_after, state):
    await asyncio.sleep(stop_after)
    print("monitor: stopping, ticks so far", p.count, T())
    loop.stop()
    loop.call_soon(print, "  soon after stop, scheduled at", T())
    state["stopped"] = True
    await asyncio.sleep(0.05)
    print("monitor: woke after stop", T())
    return p.count

p = Periodic("p", 0.3)
q = Periodic("q", 0.43, drift_free=True)
state = {}
mon = loop.create_task(monitor(p, 1.0, state))
loop.run_forever()
print("run_forever returned", T(), "monitor done", mon.done(), "running", loop.is_running())
print("handles cancelled", p.handle.cancelled(), q.handle.cancelled(), "when p %.3f q %.3f" % (p.handle.when(), q.handle.when()))

loop.call_later(0.77, loop.stop)
loop.run_forever()
print("second run returned", T(), "monitor", mon.result(), "p", p.count, "q", q.count)

p.handle.cancel()
q.handle.cancel()
print("cancelled", p.handle.cancelled(), q.handle.cancelled())
async def final():
    await asyncio.sleep(0.5)
    return "final at " + T()
print(loop.run_until_complete(final()), "p", p.count, "q", q.count)
loop.close()
print("closed", loop.is_closed())
