# wait() returns only after the child exited and its pipes closed: wait() calls started while
# the child runs all get the returncode, in the order they began, once stdout is at EOF (whether
# they finish before or after communicate() depends on when the exit is reported, so that is not
# printed); wait() on an exited child returns at once.
import asyncio
from asyncio.subprocess import PIPE


async def main():
    order = []
    proc = await asyncio.create_subprocess_exec("sh", "-c", "cat; exit 5", stdin=PIPE, stdout=PIPE)

    async def waiter(name):
        rc = await proc.wait()
        order.append(f"{name} stdout at EOF {proc.stdout.at_eof()}")
        return rc

    waits = [asyncio.create_task(waiter(f"wait{i}")) for i in range(3)]
    await asyncio.sleep(0.05)
    print("waiters done before stdin closed:", [t.done() for t in waits])
    out, _ = await proc.communicate(b"data")
    print("out", out, "returncode", proc.returncode)
    print("results", await asyncio.gather(*waits))
    print("order", order)
    task = asyncio.create_task(proc.wait())
    await asyncio.sleep(0)
    print("wait after exit done after one step:", task.done(), task.result())


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
loop.run_until_complete(main())
loop.close()
