# Bad arguments to the loop's own methods, each followed by proof that the loop still works:
# call_soon / call_later / call_at with a callback that is not callable (asyncio checks it at
# the call in debug mode, so the loop runs in debug mode), call_later with a delay that is not
# a number, sleep() with a bad delay (raised where it is awaited), run_until_complete of
# something that is not awaitable, running or closing the loop from inside itself. Negative delays are
# valid (as soon as possible), and so are infinite sleeps and timeouts: sleep(inf) sleeps
# until cancelled, wait_for(x, inf) waits as long as needed. (An infinite call_later delay is
# left out: wasmloop refuses it as bad input, a documented difference.)
import asyncio, math
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
loop.set_debug(True)
def T(): return "%.3f" % loop.time()

def still_works(tag):
    loop.call_soon(print, "  loop works after", tag, T())
    loop.run_until_complete(asyncio.sleep(0.125))

def cb(*args):
    print("cb", *args, T())

print("-- callbacks that are not callable")
for tag, call in (("call_soon(1)", lambda: loop.call_soon(1)),
                  ("call_soon(None)", lambda: loop.call_soon(None)),
                  ("call_later(1, 'cb')", lambda: loop.call_later(1, "cb")),
                  ("call_at(t, 42)", lambda: loop.call_at(loop.time() + 1, 42))):
    try:
        call()
        print(tag, "accepted")
    except TypeError as e:
        print(tag, ename(e))
    still_works(tag)

print("-- delays that are not numbers")
for tag, delay in (("'1'", "1"), ("None", None), ("[1]", [1])):
    try:
        loop.call_later(delay, cb, "never")
        print(tag, "accepted")
    except TypeError as e:
        print("call_later(%s)" % tag, ename(e))
    still_works(tag)

async def sleeper(delay):
    try:
        await asyncio.sleep(delay)
        return "slept"
    except TypeError as e:
        return ename(e)
for tag, delay in (("'x'", "x"), ("None", None)):
    print("sleep(%s):" % tag, loop.run_until_complete(sleeper(delay)), T())
still_works("sleep")

print("-- negative delays are valid")
h = loop.call_later(-1, cb, "negative call_later")
print("when is in the past:", h.when() < loop.time())
loop.call_at(loop.time() - 5, cb, "past call_at")
print("sleep(-5):", loop.run_until_complete(sleeper(-5)), T())

print("-- run_until_complete of something that is not awaitable")
for tag, arg in (("42", 42), ("None", None), ("'coro'", "coro")):
    try:
        loop.run_until_complete(arg)
    except TypeError as e:
        print("run_until_complete(%s)" % tag, ename(e), "running:", loop.is_running())
still_works("run_until_complete")

print("-- running the loop from inside itself")
async def reenter():
    c = sleeper(1)
    try:
        loop.run_until_complete(c)
    except RuntimeError as e:
        print("run_until_complete inside:", ename(e), "running:", loop.is_running())
    c.close()
    try:
        loop.close()
    except RuntimeError as e:
        print("close inside:", ename(e), "closed:", loop.is_closed())
    await asyncio.sleep(0.25)
    return "reenter survived"
print(loop.run_until_complete(reenter()), T())
still_works("reentry")

print("-- infinite delays are valid")
async def forever():
    try:
        await asyncio.sleep(math.inf)
    except asyncio.CancelledError:
        print("sleep(inf) cancelled", T())
        raise
async def main():
    t = asyncio.ensure_future(forever())
    loop.call_later(3, t.cancel)
    try:
        await t
    except asyncio.CancelledError:
        print("task cancelled:", t.cancelled(), T())
    fut = loop.create_future()
    loop.call_later(5, fut.set_result, "late")
    print("wait_for(fut, inf):", fmt(await asyncio.wait_for(fut, math.inf)), T())
    done, pending = await asyncio.wait([asyncio.ensure_future(sleeper(1))], timeout=math.inf)
    print("wait(timeout=inf): done", len(done), "pending", len(pending), T())
loop.run_until_complete(main())
still_works("infinite delays")
