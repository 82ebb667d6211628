# Negative and zero delays: call_later(-1) and call_at in the past run after what call_soon
# queued earlier and in deadline order among themselves; sleep(-1) yields once like sleep(0);
# wait_for with a negative timeout on a done future returns its result, on a failed task
# raises its exception, on a pending future raises TimeoutError; timeout(-1) expires at the
# first await; timeout_at(loop.time()) likewise.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

async def fails():
    raise ValueError("inner")

async def main():
    print("case 1: ordering")
    await asyncio.sleep(0.5)
    out = []
    loop.call_soon(out.append, "soon1")
    loop.call_later(-1, out.append, "later-1")
    loop.call_at(loop.time() - 2, out.append, "at-2")
    loop.call_later(0, out.append, "later0")
    loop.call_soon(out.append, "soon2")
    await asyncio.sleep(0)
    print("  after one yield", out)
    await asyncio.sleep(0)
    print("  after two", out, T())

    print("case 2: sleep(-1)")
    r = await asyncio.sleep(-1, "val")
    print("  sleep(-1) ->", fmt(r), T())

    print("case 3: wait_for negative timeout")
    f = loop.create_future(); f.set_result("done")
    print("  done future", fmt(await asyncio.wait_for(f, -1)))
    t = asyncio.create_task(fails())
    await asyncio.sleep(0)
    try:
        await asyncio.wait_for(t, -1)
    except ValueError as e:
        print("  failed task", fmt(e))
    p = loop.create_future()
    try:
        await asyncio.wait_for(p, -1)
    except TimeoutError as e:
        print("  pending", ename(e), "cancelled", p.cancelled(), T())

    print("case 4: timeout(-1) and timeout_at(now)")
    for make in (lambda: asyncio.timeout(-1), lambda: asyncio.timeout_at(loop.time())):
        try:
            async with make() as cm:
                print("  inside, expired", cm.expired())
                await asyncio.sleep(0)
                print("  not reached")
        except TimeoutError:
            print("  TimeoutError, expired", cm.expired(), T())

loop.run_until_complete(main())
loop.close()
