# "first response wins": query replicas, wait(FIRST_COMPLETED), skip replicas that failed and
# keep waiting on the rest, take the first success, cancel the losers and await them (their
# cleanup runs before we return); a hedged request starts a backup replica only if the
# primary has not answered within a wait() timeout; when every replica fails the caller gets
# the last error; a wait() timeout with nothing done returns two sets, done empty.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

class AllFailed(Exception): pass

async def replica(name, d, fail=False):
    try:
        await asyncio.sleep(d)
    except asyncio.CancelledError:
        print("    %s: cancelled, closing connection" % name, T())
        await asyncio.sleep(d / 10)
        print("    %s: closed" % name, T())
        raise
    if fail:
        raise ConnectionError(name + " refused")
    return name + " answer"

async def first_success(specs):
    pending = {asyncio.create_task(replica(*s), name=s[0]) for s in specs}
    last = None
    try:
        while pending:
            done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
            for t in sorted(done, key=lambda t: t.get_name()):
                if t.exception() is None:
                    print("  winner", t.get_name(), T())
                    return t.result()
                last = t.exception()
                print("  ", t.get_name(), "failed:", fmt(last), T())
        raise AllFailed("every replica failed; last: " + str(last))
    finally:
        for t in sorted(pending, key=lambda t: t.get_name()):
            t.cancel()
        if pending:
            done, _ = await asyncio.wait(pending)
            print("  losers", fmt(sorted((t.get_name(), t.cancelled()) for t in done)), T())

async def hedged(primary, backup, hedge_after):
    p = asyncio.create_task(replica(*primary), name="primary")
    done, _ = await asyncio.wait({p}, timeout=hedge_after)
    if done:
        print("  primary answered before the hedge", T())
        return p.result()
    print("  hedging", T())
    b = asyncio.create_task(replica(*backup), name="backup")
    done, pending = await asyncio.wait({p, b}, return_when=asyncio.FIRST_COMPLETED)
    for t in pending:
        t.cancel()
    await asyncio.gather(*pending, return_exceptions=True)
    winner = done.pop()
    return winner.get_name() + ": " + winner.result()

async def main():
    print("A", await first_success([("r1", 0.3), ("r2", 0.12, True), ("r3", 0.21), ("r4", 0.5)]), T())
    try:
        await first_success([("s1", 0.05, True), ("s2", 0.08, True)])
    except AllFailed as e:
        print("B", fmt(e), T())
    print("C", await hedged(("p", 0.1), ("b", 0.1), 0.25), T())
    print("D", await hedged(("p", 0.9), ("b", 0.17), 0.25), T())
    slow = [asyncio.create_task(asyncio.sleep(d)) for d in (1.3, 1.7)]
    done, pending = await asyncio.wait(slow, timeout=0.4)
    print("E", len(done), len(pending), T())
    for t in pending:
        t.cancel()
    print("E after cancel", [t.cancelled() for t in slow], T())
    await asyncio.sleep(0)
    print("E next iteration", [t.cancelled() for t in slow], T())

loop.run_until_complete(main())
loop.close()
