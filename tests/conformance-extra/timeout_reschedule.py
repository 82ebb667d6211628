# Timeout.reschedule: later (the old deadline passes without effect), earlier, to None (never),
# from None back to a time, to a time already past (expires at the next iteration), and from
# another task. And the RuntimeErrors: before entering, while expiring (the body caught the
# cancellation), after expiry, after a normal exit.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()
def W(w): return "None" if w is None else "%.3f" % w

def try_reschedule(tag, cm, when):
    try:
        cm.reschedule(when)
        print("  ", tag, "-> ok, when", W(cm.when()))
    except RuntimeError as e:
        print("  ", tag, "->", ename(e), e)

async def timed(label, make_cm, body):
    cm = make_cm()
    try:
        async with cm:
            await body(cm)
        print("  ", label, "ended normally", T(), repr(cm))
    except TimeoutError:
        print("  ", label, "TimeoutError", T(), repr(cm))
    return cm

async def main():
    loop = asyncio.get_running_loop()
    print("later:")
    async def later(cm):
        cm.reschedule(loop.time() + 3)
        await asyncio.sleep(2)
        print("  old deadline passed", T(), repr(cm))
        await asyncio.sleep(5)
    await timed("later", lambda: asyncio.timeout(1), later)
    print("earlier:")
    async def earlier(cm):
        cm.reschedule(loop.time() + 0.5)
        await asyncio.sleep(5)
    await timed("earlier", lambda: asyncio.timeout(10), earlier)
    print("off and on again:")
    async def off_on(cm):
        cm.reschedule(None)
        print("  ", repr(cm))
        await asyncio.sleep(3)
        cm.reschedule(loop.time() + 0.25)
        await asyncio.sleep(3)
    await timed("off and on", lambda: asyncio.timeout(1), off_on)
    print("into the past:")
    async def past(cm):
        await asyncio.sleep(0.5)
        cm.reschedule(loop.time() - 100)
        print("  rescheduled into the past", repr(cm))
        await asyncio.sleep(0)
        print("  never printed")
    await timed("past", lambda: asyncio.timeout_at(None), past)
    print("from another task:")
    box = []
    async def waiting(cm):
        box.append(cm)
        await asyncio.sleep(10)
    t = asyncio.create_task(timed("other", lambda: asyncio.timeout(1), waiting))
    await asyncio.sleep(0.5)
    box[0].reschedule(loop.time() + 2)
    await t
    print("errors:")
    cm = asyncio.timeout(1)
    try_reschedule("not entered", cm, 5)
    async def expiring(cm):
        try:
            await asyncio.sleep(5)
        except asyncio.CancelledError:
            try_reschedule("expiring", cm, loop.time() + 10)
            raise
    cm = await timed("expiring", lambda: asyncio.timeout(1), expiring)
    try_reschedule("expired", cm, loop.time() + 10)
    async def quick(cm):
        await asyncio.sleep(0.1)
    cm = await timed("quick", lambda: asyncio.timeout(1), quick)
    try_reschedule("finished", cm, None)

loop.run_until_complete(main())
loop.close()
