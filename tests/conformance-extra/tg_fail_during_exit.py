# A child fails while the group waits in its exit (the body is done): the other child is
# cancelled and the group raises the ExceptionGroup. In 3.12 the group takes back its cancel
# request of the parent only at the start of its exit, so after a failure during the exit the
# parent's cancelling() stays 1 (3.13 moved that uncancel). The parent's later awaits are not
# cancelled; a later timeout still converts its own cancellation; a second group with a
# failing child raises its ExceptionGroup too.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

async def work(name, d, fail=False):
    try:
        await asyncio.sleep(d)
    except asyncio.CancelledError:
        print(name, "cancelled", T())
        raise
    if fail:
        print(name, "raises", T())
        raise ValueError(name)
    print(name, "done", T())
    return name

async def main():
    me = asyncio.current_task()
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(work("a", 2, fail=True))
            tg.create_task(work("b", 3))
            await asyncio.sleep(0.5)
            print("body done", T(), "cancelling", me.cancelling())
    except ExceptionGroup as eg:
        print("caught", str(eg), [fmt(e) for e in eg.exceptions], T())
    print("cancelling after the group", me.cancelling())
    await asyncio.sleep(1)
    print("later await not cancelled", T())
    try:
        async with asyncio.timeout(0.5):
            await asyncio.sleep(1)
    except TimeoutError:
        print("timeout still raises TimeoutError", T(), "cancelling", me.cancelling())
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(work("c", 0.25, fail=True))
            await asyncio.sleep(1)
    except ExceptionGroup as eg:
        print("second group", str(eg), [fmt(e) for e in eg.exceptions], T(), "cancelling", me.cancelling())
    except asyncio.CancelledError:
        print("second group raised CancelledError", T())

loop.run_until_complete(main())
loop.close()
