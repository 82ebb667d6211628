# When a TaskGroup refuses: create_task before it is entered, while it shuts down after a
# failure, and once it is finished (RuntimeErrors whose messages show the group's repr);
# entering it twice, while entered or after; the repr through its life. A child may still add
# children while the group waits in its exit; the group ends after them. (3.12 does not close
# a refused coroutine; the scenario closes it, as 3.13's TaskGroup does itself.)
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

async def work(name, d):
    await asyncio.sleep(d)
    print("  ", name, "done", T())

def attempt(tag, tg, name):
    coro = work(name, 0.1)
    try:
        tg.create_task(coro)
        print(tag, "-> created")
    except RuntimeError as e:
        coro.close()
        print(tag, "->", ename(e), e)

async def fail_soon():
    await asyncio.sleep(0.5)
    raise ValueError("boom")

async def main():
    tg = asyncio.TaskGroup()
    print("new:", repr(tg))
    attempt("before enter", tg, "x")
    async with tg:
        print("entered:", repr(tg))
        try:
            async with tg:
                pass
        except RuntimeError as e:
            print("enter again ->", ename(e), e)
        async def spawner():
            await asyncio.sleep(0.25)
            print("  spawner adds a child during the exit", T(), repr(tg))
            tg.create_task(work("late child", 0.5))
        tg.create_task(spawner())
        tg.create_task(work("early child", 0.1))
        print("body ends", repr(tg))
    print("finished:", repr(tg), T())
    attempt("after exit", tg, "y")
    try:
        async with tg:
            pass
    except RuntimeError as e:
        print("enter after exit ->", ename(e), e)

    tg2 = asyncio.TaskGroup()
    try:
        async with tg2:
            tg2.create_task(fail_soon())
            try:
                await asyncio.sleep(5)
            except asyncio.CancelledError:
                print("shutting down:", repr(tg2))
                attempt("while shutting down", tg2, "z")
                raise
    except ExceptionGroup as eg:
        print("caught", str(eg), T())
    print("after failure:", repr(tg2))

loop.run_until_complete(main())
loop.close()
