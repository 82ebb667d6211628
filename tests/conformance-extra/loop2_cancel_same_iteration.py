# Cancelling from inside callbacks of the same iteration: a later call_soon handle, a timer
# already due in this iteration, a timer not yet due, the running handle itself, and
# handles that already ran. Callbacks scheduled after a cancel (reusing its place) still
# run, and cancelled() reports True only after cancel().
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

H = {}

def cb(name):
    print("run", name, "t=" + T())

def killer():
    print("killer t=" + T())
    for k in ("victim_soon", "victim_due", "victim_later", "ran_before"):
        H[k].cancel()
        print("  cancelled", k, H[k].cancelled())
    # new work scheduled right after the cancels
    H["fresh_soon"] = loop.call_soon(cb, "fresh soon")
    H["fresh_timer"] = loop.call_later(0.5, cb, "fresh timer")
    H["fresh_zero"] = loop.call_later(0, cb, "fresh zero")

def self_cancel():
    print("self_cancel runs t=" + T(), "cancelled before:", H["self"].cancelled())
    H["self"].cancel()
    print("self_cancel cancelled after:", H["self"].cancelled())

def timer_cancels_timer():
    print("timer_cancels_timer t=" + T())
    H["sibling"].cancel()
    H["replacement"] = loop.call_later(0.1, cb, "replacement")

def phase2():
    print("phase2 t=" + T())
    H["sibling"] = loop.call_later(1.0, cb, "sibling (cancelled)")
    loop.call_later(0.5, timer_cancels_timer)
    loop.call_later(1.5, cb, "after sibling")

def main_cb():
    H["ran_before"] = loop.call_soon(cb, "ran_before")
    loop.call_later(0.001, start_phase)

def start_phase():
    # one iteration: killer, victim_soon, self, and victim_due (timer due now) are all ready
    H["victim_due"] = loop.call_later(-1, cb, "victim_due (cancelled)")
    loop.call_soon(killer)
    H["victim_soon"] = loop.call_soon(cb, "victim_soon (cancelled)")
    H["self"] = loop.call_soon(self_cancel)
    H["victim_later"] = loop.call_later(2, cb, "victim_later (cancelled)")
    loop.call_soon(cb, "bystander")
    loop.call_later(3, phase2)
    loop.call_later(6, loop.stop)

loop.call_soon(main_cb)
loop.run_forever()
for k in sorted(H):
    print(k, "cancelled:", H[k].cancelled())
print("stopped t=" + T())
loop.close()
