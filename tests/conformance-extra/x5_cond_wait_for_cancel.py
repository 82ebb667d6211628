# Condition.wait_for with cancellation: a waiter cancelled while waiting re-acquires the
# lock before CancelledError reaches it (it sees locked() True in its handler and releases
# through `async with`); a waiter whose predicate is already true returns without waiting;
# notify() wakes waiters in FIFO order, each re-testing its predicate; a waiter cancelled
# while it waits to re-acquire the lock after notify still gets the lock back first.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

async def main():
    cond = asyncio.Condition()
    box = {"n": 0}

    async def waiter(name, need):
        try:
            async with cond:
                r = await cond.wait_for(lambda: box["n"] >= need)
                print("  ", name, "woke with", r, "n", box["n"], T())
        except asyncio.CancelledError:
            print("  ", name, "cancelled; lock now", cond.locked(), T())
            raise

    ws = {n: asyncio.create_task(waiter(n, k)) for n, k in [("w1", 1), ("w2", 2), ("w3", 3)]}
    await asyncio.sleep(0.5)
    ws["w2"].cancel()
    await asyncio.sleep(0.25)
    async with cond:
        box["n"] = 1
        cond.notify_all()
    await asyncio.sleep(0.25)
    print("already true:")
    async with cond:
        print("  ", await cond.wait_for(lambda: box["n"] == 1 and "yes"))

    print("cancelled while re-acquiring:")
    async with cond:
        box["n"] = 3
        cond.notify_all()
        await asyncio.sleep(0.125)
        ws["w3"].cancel()
        print("  holder still holds", cond.locked(), T())
    await asyncio.sleep(0.125)
    print("  w3 cancelled", ws["w3"].cancelled(), "locked", cond.locked())

    print("wait_for returning a value, notify(1):")
    results = []
    async def taker(name):
        async with cond:
            v = await cond.wait_for(lambda: box.get("item"))
            results.append((name, v))
            box["item"] = None
    ts = [asyncio.create_task(taker("t%d" % i)) for i in range(3)]
    await asyncio.sleep(0.5)
    for item in ["x", "y"]:
        async with cond:
            box["item"] = item
            cond.notify(1)
        await asyncio.sleep(0.25)
    print("  ", results, [t.done() for t in ts])
    ts[2].cancel()
    await asyncio.sleep(0.25)
    print("  t2 cancelled", ts[2].cancelled(), "locked", cond.locked())

loop.run_until_complete(main())
loop.close()
