# cancel() that lands after the awaited thing is complete but before the waiting task's
# wake-up runs, for each task function: the gather's children are done (gather.cancel() is
# False, the task's cancel() True: the task gets CancelledError, the gather keeps its
# list); the shield's inner is done but the outer is not yet (the outer cancel() is True,
# the inner keeps its result); wait()'s internal waiter is done; an as_completed item's
# wake-up is queued (the CancelledError wins, and the completion stays for the next item);
# wait_for on a task whose done callback cancels the waiter before its wake-up. Each line
# shows the loop iteration, counted by a ticking callback.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

it = [0]
gen = [0]
def tick(g):
    if g != gen[0]:
        return
    it[0] += 1
    loop.call_soon(tick, g)

def start_ticks():
    it[0] = 0
    gen[0] += 1
    loop.call_soon(tick, gen[0])

def stop_ticks():
    gen[0] += 1

def say(*a):
    print("[it %d]" % it[0], *a)

async def waiter(label, aw):
    try:
        r = await aw
        say(label, "got", fmt(r))
    except asyncio.CancelledError as e:
        say(label, "cancelled", fmt(e))
        raise

async def settle(t):
    try:
        await t
    except asyncio.CancelledError:
        pass

async def main():
    start_ticks()
    a, b = loop.create_future(), loop.create_future()
    g = asyncio.gather(a, b)
    w = asyncio.create_task(waiter("gather waiter", g))
    await asyncio.sleep(0)
    def finish_gather():
        a.set_result(1)
        b.set_result(2)
        say("gather.cancel()", g.cancel("g"), "waiter.cancel()", w.cancel("w"))
    loop.call_soon(finish_gather)
    await settle(w)
    say("gather done", g.done(), "result", fmt(g.result()), "waiter cancelled", w.cancelled())

    inner = loop.create_future()
    outer = asyncio.shield(inner)
    w = asyncio.create_task(waiter("shield waiter", outer))
    await asyncio.sleep(0)
    def finish_inner():
        inner.set_result("in")
        say("outer.cancel()", outer.cancel("o"))
    loop.call_soon(finish_inner)
    await settle(w)
    say("outer cancelled", outer.cancelled(), "inner result", fmt(inner.result()))

    c = loop.create_future()
    w = asyncio.create_task(waiter("wait waiter", asyncio.wait([c])))
    await asyncio.sleep(0)
    def finish_c():
        c.set_result("c")
        loop.call_soon(lambda: say("wait waiter.cancel()", w.cancel("ww")))
    loop.call_soon(finish_c)
    await settle(w)
    say("wait waiter cancelled", w.cancelled())

    f1, f2 = loop.create_future(), loop.create_future()
    items = list(asyncio.as_completed([f1, f2]))
    w = asyncio.create_task(waiter("item waiter", items[0]))
    await asyncio.sleep(0)
    def finish_f1():
        f1.set_result("f1")
        loop.call_soon(lambda: say("item waiter.cancel()", w.cancel("iw")))
    loop.call_soon(finish_f1)
    await settle(w)
    say("next item gets", fmt(await items[1]))
    f2.set_result("f2")

    src = loop.create_future()
    async def relay():
        return "relay " + await src
    t = asyncio.create_task(relay())
    t.add_done_callback(lambda _: say("t's callback: cancel", w2.cancel("wf")))
    w2 = asyncio.create_task(waiter("wait_for waiter", asyncio.wait_for(t, 10)))
    await asyncio.sleep(0)
    loop.call_soon(src.set_result, "s")
    await settle(w2)
    say("wait_for waiter cancelled", w2.cancelled(), "t result", fmt(t.result()))
    stop_ticks()
    print("end", T())

loop.run_until_complete(main())
loop.close()
