# done callbacks, the less-travelled corners, with the loop iteration of every event: a task
# is done (and shows its result, exception or cancellation) inside its own done callback,
# where current_task() is None; one registered before a waiter started waiting runs before
# the waiter's wake-up, one registered after runs after it; the same function twice runs
# twice and remove_done_callback of another counts 2; remove_done_callback from inside a
# callback of the same, already done future returns 0 and the queued callback still runs;
# a callback adding callbacks to its own (done) future and to a pending one it then
# completes; failing callbacks (ValueError, CancelledError, the future's own exception
# re-raised) reach the handler with message/exception/handle, in place, while the later
# callbacks of the same future still run; a handler that completes another future.
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

side = {}
def handler(lp, ctx):
    exc = ctx.get("exception")
    say("handler keys", ",".join(sorted(ctx)), "exc", fmt(exc), "same object", exc is side.get("exc"),
        "handle", isinstance(ctx.get("handle"), asyncio.Handle), "msg", ctx["message"].startswith("Exception in callback"))
    if "complete" in side:
        side.pop("complete").set_result("from handler")
loop.set_exception_handler(handler)

def state(t):
    if t.cancelled():
        return "cancelled"
    if t.exception() is not None:
        return "exception " + fmt(t.exception())
    return "result " + fmt(t.result())

async def ok(v):
    await asyncio.sleep(0)
    return v

async def bad(v):
    await asyncio.sleep(0)
    raise ValueError(v)

async def main():
    start_ticks()
    for coro in (ok("fine"), bad("broken")):
        t = asyncio.create_task(coro)
        t.add_done_callback(lambda t: say("own callback: done", t.done(), state(t), "current", asyncio.current_task()))
        try:
            await t
        except ValueError:
            pass
    t = asyncio.create_task(ok("never"))
    t.add_done_callback(lambda t: say("own callback: done", t.done(), state(t), "current", asyncio.current_task()))
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        say("main saw the cancel")

    src = loop.create_future()
    src.add_done_callback(lambda f: say("early callback"))
    async def waiter():
        v = await src
        say("waiter woke with", fmt(v))
    w = asyncio.create_task(waiter())
    await asyncio.sleep(0)
    src.add_done_callback(lambda f: say("late callback"))
    loop.call_soon(src.set_result, "s")
    await w

    f = loop.create_future()
    def twice(fut):
        say("twice", fmt(fut.result()))
    other = lambda fut: say("other must not run")
    f.add_done_callback(twice)
    f.add_done_callback(other)
    f.add_done_callback(twice)
    f.add_done_callback(other)
    say("removed other", f.remove_done_callback(other))
    def remover(fut):
        say("remover removes late:", fut.remove_done_callback(late))
    def late(fut):
        say("late still runs")
    f.add_done_callback(remover)
    f.add_done_callback(late)
    f.set_result("F")
    await asyncio.sleep(0)
    await asyncio.sleep(0)

    a = loop.create_future()
    b = loop.create_future()
    def grow(fut):
        say("grow: adding to a and b, then completing b")
        a.add_done_callback(lambda _: say("added to done a"))
        b.add_done_callback(lambda _: say("added to pending b"))
        b.set_result("b")
        a.add_done_callback(lambda _: say("added to done a after b completed"))
    a.add_done_callback(grow)
    a.add_done_callback(lambda _: say("a's second callback"))
    loop.call_soon(a.set_result, "a")
    await b
    say("main woke from b")
    await asyncio.sleep(0)

    e = loop.create_future()
    cbs_done = loop.create_future()
    err = ValueError("cb one")
    def fail1(fut):
        side["exc"] = err
        say("fail1")
        raise err
    def fail2(fut):
        side["exc"] = None
        say("fail2")
        raise asyncio.CancelledError("cb two")
    def reraise(fut):
        side["exc"] = fut.exception()
        say("reraise")
        fut.result()
    def fine(fut):
        say("fine")
    e.add_done_callback(fine)
    e.add_done_callback(fail1)
    e.add_done_callback(fine)
    e.add_done_callback(fail2)
    e.add_done_callback(reraise)
    e.add_done_callback(fine)
    e.add_done_callback(lambda _: cbs_done.set_result(None))
    side["complete"] = other_f = loop.create_future()
    other_f.add_done_callback(lambda f: say("handler-completed future callback", fmt(f.result())))
    loop.call_soon(e.set_exception, ValueError("e itself"))
    await cbs_done
    say("main after callbacks")
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    stop_ticks()
    print("end", T())

loop.run_until_complete(main())
loop.close()
