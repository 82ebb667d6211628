# DEVNULL as stdin (the child reads EOF at once) and as stdout (its output goes nowhere);
# env replaces the child's whole environment; cwd sets its working directory.
import asyncio
from asyncio.subprocess import PIPE, DEVNULL


async def main():
    proc = await asyncio.create_subprocess_exec("cat", stdin=DEVNULL, stdout=PIPE)
    print("stdin stream", proc.stdin, "out", (await proc.communicate())[0], proc.returncode)

    proc = await asyncio.create_subprocess_exec("sh", "-c", "echo hidden; echo shown >&2",
                                                stdout=DEVNULL, stderr=PIPE)
    print("devnull stdout:", await proc.communicate())

    proc = await asyncio.create_subprocess_exec(
        "sh", "-c", 'echo "FOO=$FOO BAR=${BAR-unset}"; pwd',
        env={"FOO": "bar", "PATH": "/usr/bin:/bin"}, cwd="/", stdout=PIPE)
    print("env and cwd:", (await proc.communicate())[0])


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
loop.run_until_complete(main())
loop.close()
