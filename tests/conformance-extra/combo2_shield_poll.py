# progress polling: wait_for(shield(job), t) in a loop until the job is done, reporting each
# timeout; the job is never cancelled by the polls. A shielded gather under wait_for keeps
# all its children; the polling task cancelled from outside leaves the job running; a job
# that fails is reported by the poll that sees it; as_completed over shields.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

async def job(name, d, fail=False):
    try:
        await asyncio.sleep(d)
    except asyncio.CancelledError:
        print("  ", name, "cancelled", T())
        raise
    if fail:
        raise ValueError(name)
    print("  ", name, "finished", T())
    return name

async def poll(t, every):
    n = 0
    while True:
        try:
            return await asyncio.wait_for(asyncio.shield(t), every)
        except TimeoutError:
            n += 1
            print("  still waiting", n, T())

async def main():
    t = asyncio.create_task(job("build", 1.1))
    print("poll ->", fmt(await poll(t, 0.3)), T())

    g = asyncio.gather(job("x", 0.5), job("y", 0.9))
    print("gather poll ->", fmt(await poll(g, 0.4)), T())

    t = asyncio.create_task(job("deploy", 2))
    p = asyncio.create_task(poll(t, 0.5))
    await asyncio.sleep(1.2)
    p.cancel()
    try:
        await p
    except asyncio.CancelledError:
        print("poller cancelled", T(), "deploy done", t.done())
    print("deploy ->", fmt(await t), T())

    t = asyncio.create_task(job("flaky", 0.7, fail=True))
    try:
        await poll(t, 0.25)
    except ValueError as e:
        print("poll raised", fmt(e), T())

    ts = [asyncio.create_task(job(n, d)) for n, d in [("p", 0.6), ("q", 0.2), ("r", 0.4)]]
    for f in asyncio.as_completed([asyncio.shield(x) for x in ts], timeout=0.5):
        try:
            print("as_completed ->", fmt(await f), T())
        except TimeoutError:
            print("as_completed -> TimeoutError", T())
    print("p survives", fmt(await ts[0]), T())

loop.run_until_complete(main())
loop.close()
