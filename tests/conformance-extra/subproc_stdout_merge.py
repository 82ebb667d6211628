# stderr=STDOUT: both streams on one pipe, in the order the child wrote them; the program
# runs as itself (its own exit status; a signal ends it with -N).
import asyncio
from asyncio.subprocess import PIPE, STDOUT


async def main():
    proc = await asyncio.create_subprocess_exec(
        "sh", "-c", "for i in 1 2 3; do echo out$i; echo err$i >&2; done; exit 9", stdout=PIPE, stderr=STDOUT)
    print("stderr stream", proc.stderr)
    out, err = await proc.communicate()
    print(out, err, proc.returncode)

    proc = await asyncio.create_subprocess_exec(
        "sh", "-c", "echo ready >&2; exec sleep 30", stdout=PIPE, stderr=STDOUT)
    print("line", await proc.stdout.readline())
    proc.terminate()
    print("terminated", await proc.wait())

    proc = await asyncio.create_subprocess_shell("echo a; echo b >&2", stdout=PIPE, stderr=STDOUT)
    print("shell", (await proc.communicate())[0])


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
loop.run_until_complete(main())
loop.close()
