# Virtual time with sleeps that are created before they are awaited: asyncio.sleep() is a
# coroutine, so its delay counts from the moment it is awaited (its first step), not from
# the moment it was created -- also when it was created by another callback or timer.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

saved = {}

def make_sleep():
    print("timer creates a sleep(1) t=" + T())
    saved["from_timer"] = asyncio.sleep(1, "from timer")

async def main():
    s1 = asyncio.sleep(1, "s1")
    print("created s1 t=" + T())
    await asyncio.sleep(2)
    print("awaiting s1 t=" + T())
    print("got", fmt(await s1), "t=" + T())
    loop.call_later(0.5, make_sleep)
    await asyncio.sleep(3)
    print("awaiting the timer's sleep t=" + T())
    print("got", fmt(await saved["from_timer"]), "t=" + T())
    s3 = asyncio.sleep(0.25, "s3")
    loop.call_later(0.1, lambda: print("timer@+0.1 t=" + T()))
    await asyncio.sleep(0.2)
    print("got", fmt(await s3), "t=" + T())

loop.run_until_complete(main())
print("end t=" + T())
loop.close()
