# Entering a Timeout wrongly: twice while active, again after exit, outside any task (from a
# plain callback); the RuntimeErrors and the states they leave. A Timeout entered by a Task of
# its own (run_until_complete(cm.__aenter__())) binds to that task, which then ends: the
# deadline cancels nothing, the timeout shows expired, and leaving it from another task raises
# nothing.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

async def main():
    cm = asyncio.timeout(5)
    async with cm:
        try:
            async with cm:
                print("never printed")
        except RuntimeError as e:
            print("enter while active ->", ename(e), e, repr(cm))
    print("after exit", repr(cm))
    try:
        async with cm:
            print("never printed")
    except RuntimeError as e:
        print("enter after exit ->", ename(e), e, repr(cm))

    outside = asyncio.timeout_at(100)
    result = loop.create_future()
    def from_callback():
        try:
            outside.__aenter__().send(None)
            result.set_result("entered")
        except RuntimeError as e:
            result.set_result("%s: %s" % (ename(e), e))
    loop.call_soon(from_callback)
    print("enter outside a task ->", await result, repr(outside))
    try:
        outside.reschedule(200)
    except RuntimeError as e:
        print("reschedule after that ->", ename(e), e)

loop.run_until_complete(main())
cm = asyncio.timeout_at(loop.time() + 1)
print("own task enters:", loop.run_until_complete(cm.__aenter__()) is cm, repr(cm))
loop.run_until_complete(asyncio.sleep(2))
print("after the deadline:", repr(cm), "expired", cm.expired())
print("aexit from another task swallows ->", bool(loop.run_until_complete(cm.__aexit__(None, None, None))), repr(cm))
loop.close()
