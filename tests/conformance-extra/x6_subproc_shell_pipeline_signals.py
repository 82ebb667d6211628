# create_subprocess_shell with pipelines: stdin fed through communicate() to a two-stage
# pipeline, the pipeline's status is its last stage's, and signals: a shell that kills itself
# gives minus the signal's number, one whose child is killed exits 128 + the number, and
# `exec` makes the killed program the child itself (kill() gives -9).
import asyncio
from asyncio.subprocess import PIPE, DEVNULL


async def main():
    proc = await asyncio.create_subprocess_shell("tr a-z A-Z | sort -r", stdin=PIPE, stdout=PIPE)
    out, err = await proc.communicate(b"banana\napple\ncherry\n")
    print("pipeline:", out, err, proc.returncode)

    for cmd in ("false | true", "true | (exit 3)", "echo hi | sh -c 'cat >/dev/null; exit 5'"):
        proc = await asyncio.create_subprocess_shell(cmd, stdout=DEVNULL)
        print("status of", repr(cmd), await proc.wait())

    proc = await asyncio.create_subprocess_shell("kill -TERM $$", stdout=PIPE)
    out, _ = await proc.communicate()
    print("self-killed shell:", out, proc.returncode)

    proc = await asyncio.create_subprocess_shell("sh -c 'kill -KILL $$'; echo after $?", stdout=PIPE, stderr=DEVNULL)
    out, _ = await proc.communicate()
    print("killed grandchild:", out, proc.returncode)

    proc = await asyncio.create_subprocess_shell("exec sleep 30", stdout=PIPE)
    proc.kill()
    out, _ = await proc.communicate()
    print("exec then kill:", out, proc.returncode)

    proc = await asyncio.create_subprocess_shell("echo start; exec sleep 30", stdout=PIPE)
    print("first line:", await proc.stdout.readline())
    proc.terminate()
    print("terminated:", await proc.wait(), "rest", await proc.stdout.read())


asyncio.run(main())
