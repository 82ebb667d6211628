# A cancel message travels with the CancelledError through the structured helpers: a task
# cancelled with a message inside `async with TaskGroup()` (the group's children are
# cancelled without it, the parent's error keeps it), inside timeout(), inside wait_for()
# and gather() (the inner task gets the message), and a child cancelled with its own
# message does not fail its group. Awaiting the cancelled task raises an error with the
# same message.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

def m(e):
    return repr(e.args[0]) if e.args else "no message"

async def child(name, d=10):
    try:
        await asyncio.sleep(d)
    except asyncio.CancelledError as e:
        print("    ", name, "cancelled:", m(e))
        raise

async def in_group():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child("child"))
            await asyncio.sleep(10)
    except asyncio.CancelledError as e:
        print("    group raised:", m(e))
        raise

async def in_timeout():
    try:
        async with asyncio.timeout(5):
            await asyncio.sleep(10)
    except asyncio.CancelledError as e:
        print("    timeout let through:", m(e))
        raise

async def in_wait_for():
    try:
        await asyncio.wait_for(child("inner of wait_for"), 5)
    except asyncio.CancelledError as e:
        print("    wait_for raised:", m(e))
        raise

async def in_gather():
    try:
        await asyncio.gather(child("gathered a"), child("gathered b", 20))
    except asyncio.CancelledError as e:
        print("    gather raised:", m(e))
        raise

async def main():
    for f in [in_group, in_timeout, in_wait_for, in_gather]:
        print(f.__name__)
        t = asyncio.create_task(f())
        await asyncio.sleep(1)
        t.cancel("stop " + f.__name__)
        try:
            await t
        except asyncio.CancelledError as e:
            print("  awaiting the task:", m(e), "cancelled", t.cancelled(), T())

    print("a child cancelled with its own message")
    async with asyncio.TaskGroup() as tg:
        c = tg.create_task(child("lone child"))
        await asyncio.sleep(0.5)
        c.cancel("just this one")
    print("  group ended normally; child cancelled", c.cancelled(), T())

loop.run_until_complete(main())
loop.close()
