# as_completed with timeout 0 over done and pending futures: the done ones are yielded (their
# completion callbacks run before the zero timer) and the pending one raises TimeoutError;
# as_completed over nothing yields nothing; Lock and Semaphore acquired inside
# asyncio.timeout(): a timed-out waiter leaves no trace and the next waiter gets the lock in
# order; a BoundedSemaphore released too often raises ValueError and stays usable.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

async def main():
    print("case 1: as_completed timeout 0")
    d1 = loop.create_future(); d1.set_result("d1")
    d2 = loop.create_future(); d2.set_exception(ValueError("d2"))
    p = loop.create_future()
    for fs in ([d1, p], [d2]):
        try:
            for fut in asyncio.as_completed(fs, timeout=0):
                try:
                    print("  got", fmt(await fut), T())
                except ValueError as e:
                    print("  raised", fmt(e), T())
        except TimeoutError as e:
            print("  timeout", ename(e), "p cancelled", p.cancelled(), T())
    print("  empty:", [f for f in asyncio.as_completed([])])

    print("case 2: Lock inside timeout()")
    lock = asyncio.Lock()
    order = []
    async def holder():
        async with lock:
            await asyncio.sleep(1)
            order.append("holder")
    async def impatient():
        try:
            async with asyncio.timeout(0.25):
                async with lock:
                    order.append("impatient")
        except TimeoutError:
            print("  impatient timed out", T(), "locked", lock.locked())
    async def patient(name):
        async with asyncio.timeout(5):
            async with lock:
                order.append(name)
                await asyncio.sleep(0.1)
    await asyncio.gather(holder(), impatient(), patient("p1"), patient("p2"))
    print("  order", order, T())

    print("case 3: Semaphore inside timeout()")
    sem = asyncio.Semaphore(1)
    await sem.acquire()
    async def try_sem(name, t):
        try:
            async with asyncio.timeout(t):
                async with sem:
                    print("  ", name, "got it", T())
        except TimeoutError:
            print("  ", name, "timed out", T())
    ts = [asyncio.create_task(try_sem("s1", 0.3)), asyncio.create_task(try_sem("s2", 1.2))]
    loop.call_later(0.6, sem.release)
    await asyncio.gather(*ts)
    print("  locked", sem.locked(), T())

    print("case 4: BoundedSemaphore over-release")
    b = asyncio.BoundedSemaphore(1)
    try:
        b.release()
    except ValueError as e:
        print("  release:", ename(e))
    async with b:
        print("  still usable, locked", b.locked())

loop.run_until_complete(main())
loop.close()
