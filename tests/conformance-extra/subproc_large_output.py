# A child that writes far more than a pipe holds (3 MB on stdout, 1 MB on stderr) with
# both read by communicate(): nothing is lost, and reading line by line works too.
import asyncio
from asyncio.subprocess import PIPE


async def main():
    proc = await asyncio.create_subprocess_shell(
        "head -c 3000000 /dev/zero | tr '\\0' x; head -c 1000000 /dev/zero | tr '\\0' y >&2",
        stdout=PIPE, stderr=PIPE)
    out, err = await proc.communicate()
    print("stdout", len(out), out.count(b"x"), "stderr", len(err), err.count(b"y"), "returncode", proc.returncode)

    proc = await asyncio.create_subprocess_exec("seq", "1", "20000", stdout=PIPE)
    n = total = 0
    while line := await proc.stdout.readline():
        n += 1
        total += int(line)
    print("lines", n, "sum", total, "wait", await proc.wait())


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
loop.run_until_complete(main())
loop.close()
