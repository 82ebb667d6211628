# Barrier(3): waiters fill it one by one (n_waiting counts them), the third passes it and all
# three leave with distinct indices; while it drains, newcomers are blocked until the last
# leaves; it can be passed again and again; async with gives the index. The repr shows the
# state (filling, draining) and waiters.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

def state(p):
    return repr(p).split("[")[1][:-2]

async def main():
    b = asyncio.Barrier(3)
    print("new", state(b), b.parties, b.n_waiting, b.broken)
    async def party(name, rounds):
        got = []
        for r in range(rounds):
            i = await b.wait()
            got.append(i)
            print(name, "passed round", r, "as", i, state(b))
            await asyncio.sleep(0)
        return got
    t1 = loop.create_task(party("p1", 2))
    await asyncio.sleep(0)
    print("one waiting", state(b), b.n_waiting)
    t2 = loop.create_task(party("p2", 2))
    await asyncio.sleep(0)
    print("two waiting", state(b), b.n_waiting)
    t3 = loop.create_task(party("p3", 2))
    await asyncio.sleep(0)
    print("third arrived", state(b), b.n_waiting)
    print("results", fmt(await asyncio.gather(t1, t2, t3)), state(b))
    async def with_party(name):
        async with b as i:
            print(name, "inside as", i, state(b))
            return i
    print("async with", fmt(await asyncio.gather(*(with_party(n) for n in ("x", "y", "z")))), state(b))

loop.run_until_complete(main())
loop.close()
