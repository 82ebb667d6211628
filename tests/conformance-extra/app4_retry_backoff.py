# retry with exponential backoff: each attempt runs under wait_for(op(), per_try); a
# TransientError or a timeout is retried after 0.1, 0.2, 0.4...; a FatalError stops at once;
# running out of attempts raises the helper's own error with the last cause; the whole retry
# under an outer wait_for budget is cancelled in the middle of a backoff sleep or of an
# attempt, and the attempt's cleanup still runs.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

class TransientError(Exception): pass
class FatalError(Exception): pass
class GiveUp(Exception): pass

def make_op(name, plan):
    calls = iter(plan)
    async def op():
        d, outcome = next(calls)
        try:
            await asyncio.sleep(d)
        except asyncio.CancelledError:
            print("    %s attempt cancelled" % name, T())
            raise
        if outcome == "transient":
            raise TransientError(name + " flaked")
        if outcome == "fatal":
            raise FatalError(name + " broke")
        return outcome
    return op

async def retry(op, attempts, per_try, base=0.1):
    last = None
    for i in range(attempts):
        try:
            return await asyncio.wait_for(op(), per_try)
        except (TransientError, TimeoutError) as e:
            last = e
            delay = base * 2 ** i
            print("  attempt", i, "->", ename(e), "retry in %.3f" % delay, T())
            await asyncio.sleep(delay)
    raise GiveUp("%d attempts, last: %s" % (attempts, ename(last)))

async def run(label, coro):
    try:
        print(label, "=", fmt(await coro), T())
    except Exception as e:
        print(label, "raised", fmt(e), T())
    except asyncio.CancelledError as e:
        print(label, "cancelled", fmt(e), T())

async def main():
    await run("ok-later", retry(make_op("a", [(0.05, "transient"), (0.5, "x"), (0.07, "done a")]), 4, 0.3))
    await run("fatal", retry(make_op("b", [(0.02, "transient"), (0.04, "fatal"), (0.01, "never")]), 4, 0.3))
    await run("exhausted", retry(make_op("c", [(0.03, "transient")] * 2 + [(0.9, "slow")]), 3, 0.25))
    await run("budget-in-backoff", asyncio.wait_for(
        retry(make_op("d", [(0.06, "transient"), (0.08, "transient"), (0.09, "d")]), 5, 0.3), 0.27))
    await run("budget-in-attempt", asyncio.wait_for(
        retry(make_op("e", [(0.11, "transient"), (0.5, "e")]), 5, 0.6), 0.33))
    t = asyncio.create_task(retry(make_op("f", [(0.2, "transient"), (0.3, "f")]), 3, 1))
    loop.call_later(0.25, t.cancel, "operator abort")
    await run("aborted", t)
    print("f cancelled?", t.cancelled())

loop.run_until_complete(main())
loop.close()
