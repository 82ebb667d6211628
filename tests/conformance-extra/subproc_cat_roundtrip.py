# stdin and stdout as PIPEs: communicate(input) writes the input, closes stdin and reads
# stdout to its end; cat gives back what it got. Empty input closes stdin at once; a large
# input (1 MB, more than a pipe holds) goes through whole.
import asyncio
from asyncio.subprocess import PIPE


async def main():
    proc = await asyncio.create_subprocess_exec("cat", stdin=PIPE, stdout=PIPE)
    print("streams:", proc.stdin is not None, proc.stdout is not None, proc.stderr)
    out, err = await proc.communicate(b"hello\nworld\n")
    print("out", out, "err", err, "returncode", proc.returncode)

    proc = await asyncio.create_subprocess_exec("cat", stdin=PIPE, stdout=PIPE)
    out, err = await proc.communicate(b"")
    print("empty input:", out, proc.returncode)

    data = bytes(range(256)) * 4096
    proc = await asyncio.create_subprocess_exec("cat", stdin=PIPE, stdout=PIPE)
    out, err = await proc.communicate(data)
    print("1 MB:", len(out), out == data, proc.returncode)

    proc = await asyncio.create_subprocess_exec("cat", stdin=PIPE, stdout=PIPE)
    out, err = await proc.communicate()
    print("no input:", out, proc.returncode)


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
loop.run_until_complete(main())
loop.close()
