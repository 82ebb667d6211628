# An application pattern: fetch several resources in a TaskGroup, each under its own timeout;
# the first timeout fails the round (the group cancels the other fetches) with an
# ExceptionGroup; the caller takes the TimeoutErrors out with except* (split), the other
# errors with a second clause, and retries what is not fetched yet with a longer limit, until
# a round fails with no timeout or nothing is left.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

COST = {"a": 0.5, "b": 1.5, "c": 2.5, "bad": 3.0}
SLACK = {"a": 0.0, "b": 0.01, "c": 0.02, "bad": 0.03}   # no two deadlines alike

async def fetch(name, limit, results):
    try:
        async with asyncio.timeout(limit + SLACK[name]):
            await asyncio.sleep(COST[name])
            if name == "bad":
                raise ValueError("bad resource")
            results[name] = name.upper()
            print("  fetched", name, T())
    except TimeoutError as e:
        e.resource = name
        raise

async def main():
    results = {}
    todo = ["a", "b", "c", "bad"]
    limit = 1.0
    for attempt in range(1, 5):
        print("round", attempt, "limit", limit, "todo", todo)
        timeouts = []
        try:
            async with asyncio.TaskGroup() as tg:
                for name in todo:
                    tg.create_task(fetch(name, limit, results))
        except* TimeoutError as eg:
            timeouts = sorted(e.resource for e in eg.exceptions)
            print("  timed out:", timeouts, T())
        except* ValueError as eg:
            print("  errors:", [fmt(e) for e in eg.exceptions], T())
        todo = [n for n in todo if n not in results]
        if not timeouts or not todo:
            break
        limit *= 2
    print("results", sorted(results.items()), "left", todo, T())

loop.run_until_complete(main())
loop.close()
