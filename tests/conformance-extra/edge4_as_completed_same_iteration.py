# as_completed when several inputs complete in one loop iteration: the items (new awaitables,
# never the inputs) give results in the order the completions happened inside the iteration,
# not in argument order: futures set in reverse order by one callback, a failure and a
# cancellation set by one callback, a task finishing in the iteration where a callback queued
# before its wake-up sets a future; items awaited only after everything completed keep that
# order; two consumer tasks waiting on items: the first to wait gets the first completion,
# and one cancelled after its wake-up was queued passes the result on to the other.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

async def work(name, d):
    await asyncio.sleep(d)
    return name

async def take(label, items):
    out = []
    for f in items:
        try:
            out.append(fmt(await f))
        except asyncio.CancelledError as e:
            out.append("cancelled(%s)" % e)
        except ValueError as e:
            out.append(fmt(e))
    print(label, ", ".join(out), T())

async def main():
    fa, fb, fc = loop.create_future(), loop.create_future(), loop.create_future()
    items = list(asyncio.as_completed([fa, fb, fc]))
    print("items are new", all(all(i is not x for x in (fa, fb, fc)) for i in items), len(items))
    def set_reverse():
        fc.set_result("c")
        fa.set_result("a")
        fb.set_result("b")
    loop.call_later(0.1, set_reverse)
    await take("reverse in one callback:", items)

    fa, fb, fc = loop.create_future(), loop.create_future(), loop.create_future()
    items = list(asyncio.as_completed([fa, fb, fc]))
    def mixed():
        fb.cancel("bee")
        fc.set_exception(ValueError("cee"))
        fa.set_result("a")
    loop.call_later(0.1, mixed)
    await take("cancel, failure, result:", items)

    src = loop.create_future()
    async def relay():
        return "relay got " + await src
    t = asyncio.create_task(relay())
    f = loop.create_future()
    g = loop.create_future()
    items = list(asyncio.as_completed([t, f, g]))
    loop.call_later(0.25, g.set_result, "g-early")
    def wake_both():
        loop.call_soon(f.set_result, "f")
        src.set_result("s")
    loop.call_later(0.3, wake_both)
    await take("future set next to a task's wake-up:", items)

    fa, fb = loop.create_future(), loop.create_future()
    items = list(asyncio.as_completed([fa, fb]))
    loop.call_soon(fb.set_result, "b")
    loop.call_soon(fa.set_result, "a")
    await asyncio.sleep(0.5)
    print("all done before awaiting", fa.done(), fb.done())
    await take("awaited late:", items)

    fa, fb = loop.create_future(), loop.create_future()
    items = list(asyncio.as_completed([fa, fb]))
    async def consumer(label, item):
        try:
            print("  ", label, "got", fmt(await item), T())
        except asyncio.CancelledError as e:
            print("  ", label, "cancelled", fmt(e), T())
            raise
    ca = asyncio.create_task(consumer("ca", items[1]))
    cb = asyncio.create_task(consumer("cb", items[0]))
    await asyncio.sleep(0)
    def complete_then_cancel():
        fb.set_result("b")
        loop.call_soon(ca.cancel, "late")
    loop.call_later(0.2, complete_then_cancel)
    await asyncio.wait([ca, cb])
    print("ca cancelled", ca.cancelled(), "cb done", cb.done(), T())

loop.run_until_complete(main())
loop.close()
