# Semaphore(3) limiting a gather of ten downloads of different lengths: each starts as soon as
# a unit is free, in submission order; a cancelled download (cancelled while queued, and one
# while running) frees its place for the next.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

def state(p):
    return repr(p).split("[")[1][:-2]

async def main():
    sem = asyncio.Semaphore(3)
    async def download(i):
        async with sem:
            print("start", i, T(), state(sem))
            try:
                await asyncio.sleep(0.1 * ((i * 7) % 5 + 1) + 0.001 * i)
            except asyncio.CancelledError:
                print("cancelled while running", i, T())
                raise
            print("end", i, T())
            return i * i
    ts = [loop.create_task(download(i)) for i in range(10)]
    await asyncio.sleep(0.05)
    ts[6].cancel()
    ts[1].cancel()
    res = await asyncio.gather(*ts, return_exceptions=True)
    print("results", fmt(res), T(), state(sem))

loop.run_until_complete(main())
loop.close()
