# The asyncio-sync documentation's Barrier example: two tasks wait on a Barrier(3), the third
# wait() passes it, the repr shows filling, draining, then filling again.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

def state(p):
    return repr(p).split("[")[1][:-2]

async def example_barrier():
    b = asyncio.Barrier(3)
    asyncio.create_task(b.wait())
    asyncio.create_task(b.wait())
    await asyncio.sleep(0)
    print(state(b))
    await b.wait()
    print(state(b))
    print("barrier passed")
    await asyncio.sleep(0)
    print(state(b))

loop.run_until_complete(example_barrier())
loop.close()
