# a supervisor that restarts failing workers: each worker task gets a done callback that
# records the outcome and, on an exception, starts a replacement with create_task from the
# callback (at once, or after a backoff via call_later) until a restart limit; a cancelled
# worker is not restarted; the supervisor's own Future resolves when every worker is
# settled; removing a callback before the task ends means nobody restarts it.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

async def worker(name, gen, plan):
    d, outcome = plan[gen] if gen < len(plan) else plan[-1]
    print("  start", name, "gen", gen, T())
    await asyncio.sleep(d)
    if isinstance(outcome, Exception):
        raise outcome
    return "%s/%d:%s" % (name, gen, outcome)

class Supervisor:
    def __init__(self, max_restarts, backoff):
        self.max_restarts = max_restarts
        self.backoff = backoff
        self.outcomes = {}
        self.live = {}
        self.all_settled = loop.create_future()

    def spawn(self, name, plan, gen=0):
        t = asyncio.create_task(worker(name, gen, plan), name="%s-%d" % (name, gen))
        self.live[name] = t
        t.add_done_callback(lambda t: self.on_done(name, plan, gen, t))
        return t

    def on_done(self, name, plan, gen, t):
        if t.cancelled():
            print("  ", t.get_name(), "was cancelled; not restarting", T())
            self.settle(name, "cancelled")
        elif t.exception() is not None:
            e = t.exception()
            print("  ", t.get_name(), "failed:", fmt(e), T())
            if gen >= self.max_restarts:
                self.settle(name, "gave up: " + ename(e))
            elif gen == 0:
                self.spawn(name, plan, gen + 1)
            else:
                loop.call_later(self.backoff * gen, self.spawn, name, plan, gen + 1)
        else:
            self.settle(name, t.result())

    def settle(self, name, outcome):
        self.outcomes[name] = outcome
        del self.live[name]
        if not self.live and not self.all_settled.done():
            self.all_settled.set_result(len(self.outcomes))

async def main():
    sup = Supervisor(max_restarts=3, backoff=0.15)
    sup.spawn("steady", [(0.5, "ok")])
    sup.spawn("flaky", [(0.1, ValueError("flaky boot")), (0.12, ValueError("flaky again")), (0.2, "ok")])
    sup.spawn("doomed", [(0.05, LookupError("doomed")), (0.07, OSError("disk"))])
    sup.spawn("victim", [(3, "never")])
    await asyncio.sleep(0.33)
    print("live at", T(), sorted(t.get_name() for t in sup.live.values()))
    sup.live["victim"].cancel()
    n = await sup.all_settled
    print("settled", n, T())
    for name in sorted(sup.outcomes):
        print("  ", name, "->", sup.outcomes[name])
    f = asyncio.create_task(worker("orphan", 0, [(0.1, ValueError("orphan"))]))
    cb = lambda t: print("never printed")
    f.add_done_callback(cb)
    print("removed", f.remove_done_callback(cb), f.remove_done_callback(cb))
    await asyncio.sleep(0.2)
    print("orphan done", f.done(), fmt(f.exception()), T())

loop.run_until_complete(main())
loop.close()
