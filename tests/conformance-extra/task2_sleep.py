# sleep(delay, result) hands back result (the same object) after delay; sleep(0) and a
# negative delay give way for exactly one loop iteration, so tasks, call_soon callbacks and
# future wake-ups interleave in scheduling order.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

async def spinner(name, n, delay=0):
    for i in range(n):
        print(name, i)
        r = await asyncio.sleep(delay, i)
        if r != i:
            print(name, "got wrong result", r)
    return name

async def fut_waiter(name, fut):
    v = await fut
    print(name, "got", fmt(v))
    return v

async def main():
    f = loop.create_future()
    ts = [loop.create_task(spinner("A", 4)), loop.create_task(fut_waiter("W", f)),
          loop.create_task(spinner("B", 2, -1))]
    loop.call_soon(print, "cb1")
    await asyncio.sleep(0)
    print("main 1")
    loop.call_soon(f.set_result, "fv")
    loop.call_soon(print, "cb2")
    await asyncio.sleep(0)
    print("main 2")
    await asyncio.sleep(0)
    print("main 3")
    print("gather", fmt(await asyncio.gather(*ts)), T())
    print("sleep(0, 'zero') ->", fmt(await asyncio.sleep(0, "zero")), T())
    print("sleep(-1, 'neg') ->", fmt(await asyncio.sleep(-1, "neg")), T())
    print("sleep(0.5, 'half') ->", fmt(await asyncio.sleep(0.5, "half")), T())
    print("sleep(0.25) ->", fmt(await asyncio.sleep(0.25)), T())
    obj = ["x"]
    print("same object", (await asyncio.sleep(0.125, obj)) is obj, T())
    t1 = loop.create_task(spinner("S", 3, 0.3))
    t2 = loop.create_task(spinner("Q", 4, 0.11))
    print("timed spinners", fmt(await asyncio.gather(t1, t2)), T())

loop.run_until_complete(main())
loop.close()
