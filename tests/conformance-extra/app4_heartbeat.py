# a heartbeat task beside the real work: drift-free beats (sleep until start + n*interval),
# cancelled at the end with cleanup in finally that itself awaits; a second cancel during
# that cleanup interrupts it; a heartbeat whose cleanup raises ends with that exception,
# not cancelled; the work's result is returned after the heartbeats are gone.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

async def heartbeat(name, interval, cleanup, fail_cleanup=False):
    start = loop.time()
    n = 0
    try:
        while True:
            n += 1
            await asyncio.sleep(start + n * interval - loop.time())
            print("  beat", name, n, T())
            await asyncio.sleep(0.013)   # the beat takes some time to send
    finally:
        print("  ", name, "stopping after", n, "beats", T())
        try:
            await asyncio.sleep(cleanup)
            if fail_cleanup:
                raise ConnectionError(name + " could not say goodbye")
            print("  ", name, "said goodbye", T())
        except asyncio.CancelledError:
            print("  ", name, "goodbye interrupted", T())
            raise

async def work(steps):
    total = 0
    for i, d in enumerate(steps):
        await asyncio.sleep(d)
        total += i * 10
        print("work step", i, T())
    return total

async def stop(task, second_cancel_after=None):
    task.cancel()
    if second_cancel_after is not None:
        loop.call_later(second_cancel_after, task.cancel)
    try:
        await task
    except asyncio.CancelledError:
        print("stop", task.get_name(), "-> cancelled", T())
    except Exception as e:
        print("stop", task.get_name(), "->", fmt(e), T())
    print("   done=%s cancelled=%s" % (task.done(), task.cancelled()))

async def main():
    hb1 = asyncio.create_task(heartbeat("hb1", 0.3, 0.05), name="hb1")
    hb2 = asyncio.create_task(heartbeat("hb2", 0.47, 0.2), name="hb2")
    hb3 = asyncio.create_task(heartbeat("hb3", 0.7, 0.1, fail_cleanup=True), name="hb3")
    result = await work([0.22, 0.41, 0.35, 0.08])
    print("work result", result, T())
    await stop(hb1)
    await stop(hb2, second_cancel_after=0.06)
    await stop(hb3)
    print("remaining tasks", len(asyncio.all_tasks()) - 1)
    return result

print("main ->", loop.run_until_complete(main()), T())
loop.close()
