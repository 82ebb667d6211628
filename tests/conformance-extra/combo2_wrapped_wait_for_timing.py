# when does a task waiting on gather(wait_for(...)) or shield(wait_for(...)) resume? The
# wait_for coroutine gets a Task of its own; the waiter resumes two loop iterations after
# that Task finishes (the gather/shield callback, then the wake-up), interleaved with another
# task that started at the same moment, exactly as with a plain coroutine.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

async def reporter(label):
    for i in range(4):
        print("   ", label, "step", i)
        await asyncio.sleep(0)

async def request(name, d):
    await asyncio.sleep(d)
    asyncio.create_task(reporter(name))
    return name

async def main():
    print("gather plain", fmt(await asyncio.gather(request("a", 0.1))), T())
    await asyncio.sleep(1)
    print("gather wait_for", fmt(await asyncio.gather(asyncio.wait_for(request("b", 0.1), 1))), T())
    await asyncio.sleep(1)
    print("shield plain", fmt(await asyncio.shield(request("c", 0.1))), T())
    await asyncio.sleep(1)
    print("shield wait_for", fmt(await asyncio.shield(asyncio.wait_for(request("d", 0.1), 1))), T())
    await asyncio.sleep(1)
    res = await asyncio.gather(asyncio.wait_for(request("e", 0.2), 1), asyncio.wait_for(request("f", 0.1), 1))
    print("two wait_fors", fmt(res), T())
    await asyncio.sleep(1)

loop.run_until_complete(main())
loop.close()
