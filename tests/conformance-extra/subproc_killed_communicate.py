# A child killed in the middle of communicate(): communicate() returns what was read until
# then (here the line the child wrote before it blocked) and the returncode is -9.
import asyncio
from asyncio.subprocess import PIPE


async def main():
    proc = await asyncio.create_subprocess_exec(
        "sh", "-c", "printf 'one\\ntwo\\n'; echo err >&2; exec sleep 30", stdout=PIPE, stderr=PIPE)
    print("first line", await proc.stdout.readline())
    print("first err line", await proc.stderr.readline())
    task = asyncio.create_task(proc.communicate())
    await asyncio.sleep(0)
    print("communicate pending:", not task.done())
    proc.kill()
    out, err = await task
    print("out", out, "err", err, "returncode", proc.returncode)


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
loop.run_until_complete(main())
loop.close()
