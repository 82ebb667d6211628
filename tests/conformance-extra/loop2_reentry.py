# Re-entering runs: running the same loop (or another one) from inside a callback raises
# RuntimeError and leaves the outer run intact; loops run one after the other keep their own
# clocks and are each "the running loop" only while they run; stop() before
# run_until_complete of an already-done future still returns its result.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
other = VirtualLoop()
asyncio.set_event_loop(loop)
def T(lp=None): return "%.3f" % (lp or loop).time()

def attempt(label, f):
    try:
        r = f()
        print(label, "->", fmt(r))
    except RuntimeError as e:
        print(label, "raised", fmt(e))

def who():
    try:
        lp = asyncio.get_running_loop()
        return "loop" if lp is loop else "other" if lp is other else "?"
    except RuntimeError:
        return "none"

def inside():
    print("inside: running loop", who(), "get_event_loop is loop:", asyncio.get_event_loop() is loop)
    f1 = loop.create_future()
    attempt("  same loop run_until_complete", lambda: loop.run_until_complete(f1))
    f2 = other.create_future()
    attempt("  other loop run_until_complete", lambda: other.run_until_complete(f2))
    print("  after attempts: loop running", loop.is_running(), "other running", other.is_running(),
          "running loop", who())
    loop.call_soon(lambda: print("outer run continues t=" + T()))

async def main():
    loop.call_soon(inside)
    await asyncio.sleep(1)
    return "outer done"

print("outside: running loop", who())
attempt("run loop", lambda: loop.run_until_complete(main()))
print("loop t=" + T(), "other t=" + T(other))

async def on_other():
    print("on other: running loop", who(), "get_event_loop is other:", asyncio.get_event_loop() is other)
    await asyncio.sleep(5)
    return "other done"

attempt("run other", lambda: other.run_until_complete(on_other()))
print("loop t=" + T(), "other t=" + T(other))
attempt("run loop again", lambda: loop.run_until_complete(asyncio.sleep(0.5, "again")))
print("loop t=" + T(), "other t=" + T(other), "running loop", who())

done = loop.create_future()
done.set_result("was done")
loop.call_soon(lambda: print("callback in the single iteration t=" + T()))
loop.stop()
attempt("stop() then done future", lambda: loop.run_until_complete(done))
loop.call_later(0.25, lambda: print("timer after t=" + T()))
attempt("normal run after", lambda: loop.run_until_complete(asyncio.sleep(1, "last")))
print("final loop t=" + T(), "other t=" + T(other))
other.close()
loop.close()
