# Several children fail: the first failure cancels the others and the body; a child that
# fails at its own time before its cancellation is seen, and one that fails while it is
# being cancelled, are both in the ExceptionGroup, in the order they failed; a child that
# finished before keeps its result; the group's exceptions are the children's exceptions.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

async def fail_at(name, d, exc):
    await asyncio.sleep(d)
    print(name, "raises", T())
    raise exc

async def fail_on_cancel(name):
    try:
        await asyncio.sleep(10)
    finally:
        print(name, "raises in finally", T())
        raise RuntimeError(name + " finally")

async def ok(name, d):
    await asyncio.sleep(d)
    print(name, "done", T())
    return name

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            o = tg.create_task(ok("ok", 0.5))
            a = tg.create_task(fail_at("a", 1.0, ValueError("a")))
            f = tg.create_task(fail_on_cancel("f"))
            b = tg.create_task(fail_at("b", 1.5, TypeError("b")))
            try:
                await asyncio.sleep(3)
            except asyncio.CancelledError:
                print("body cancelled", T())
                raise
    except ExceptionGroup as eg:
        print("caught", str(eg), T())
        for e in eg.exceptions:
            print(" -", fmt(e))
        print("same objects:", eg.exceptions[0] is a.exception(), eg.exceptions[1] is f.exception())
    print("ok", fmt(o.result()), "b cancelled", b.cancelled())

loop.run_until_complete(main())
loop.close()
