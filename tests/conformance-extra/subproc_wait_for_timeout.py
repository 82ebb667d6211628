# wait_for(proc.wait(), timeout) on a child that runs on: TimeoutError, the child still
# runs (returncode None); kill() then wait() gives -9. A cancelled wait() leaves the
# process alone.
import asyncio


async def main():
    proc = await asyncio.create_subprocess_exec("sleep", "30")
    try:
        await asyncio.wait_for(proc.wait(), 0.1)
    except TimeoutError:
        print("timed out; returncode", proc.returncode)
    task = asyncio.create_task(proc.wait())
    await asyncio.sleep(0)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("wait() cancelled; returncode", proc.returncode)
    proc.kill()
    print("killed:", await proc.wait())


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
loop.run_until_complete(main())
loop.close()
