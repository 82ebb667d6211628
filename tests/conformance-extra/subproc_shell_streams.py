# create_subprocess_shell runs the command line through /bin/sh: pipelines, redirections,
# variables. stdout and stderr are separate PIPEs; communicate() returns both.
import asyncio
from asyncio.subprocess import PIPE


async def main():
    proc = await asyncio.create_subprocess_shell(
        "printf 'b\\na\\nc\\n' | sort; echo oops >&2; x=5; echo $((x * 2)); exit 4",
        stdout=PIPE, stderr=PIPE)
    out, err = await proc.communicate()
    print("out", out)
    print("err", err)
    print("returncode", proc.returncode)

    proc = await asyncio.create_subprocess_shell("echo to-stderr 1>&2", stderr=PIPE)
    print("stdout stream", proc.stdout)
    out, err = await proc.communicate()
    print("out", out, "err", err, "returncode", proc.returncode)


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
loop.run_until_complete(main())
loop.close()
