# wait() returns only after the child exited and its pipes closed: a wait() started first
# finishes after communicate() (which reads the pipes); several wait() calls all get the
# returncode; wait() on an exited child returns at once.
import asyncio
from asyncio.subprocess import PIPE


async def main():
    order = []
    proc = await asyncio.create_subprocess_exec("sh", "-c", "cat; exit 5", stdin=PIPE, stdout=PIPE)

    async def waiter(name):
        rc = await proc.wait()
        order.append(name)
        return rc

    waits = [asyncio.create_task(waiter(f"wait{i}")) for i in range(3)]
    await asyncio.sleep(0.05)
    print("waiters done before stdin closed:", [t.done() for t in waits])
    out, _ = await proc.communicate(b"data")
    order.append("communicate")
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
