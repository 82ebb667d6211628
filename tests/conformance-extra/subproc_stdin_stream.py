# Process.stdin is a StreamWriter and stdout a StreamReader: write, drain, close the
# writer, read lines back from `cat` until EOF, then wait(). The writer can write EOF, is
# closing once closed, and wait_closed() returns once the pipe is gone.
import asyncio
from asyncio.subprocess import PIPE


async def main():
    proc = await asyncio.create_subprocess_exec("cat", stdin=PIPE, stdout=PIPE)
    print("returncode while cat waits for input:", proc.returncode)
    print("can_write_eof", proc.stdin.can_write_eof(), "is_closing", proc.stdin.is_closing())
    for word in (b"alpha", b"beta", b"gamma"):
        proc.stdin.write(word + b"\n")
    await proc.stdin.drain()
    print("first line", await proc.stdout.readline())
    proc.stdin.close()
    print("is_closing after close", proc.stdin.is_closing())
    await proc.stdin.wait_closed()
    print("stdin closed")
    while line := await proc.stdout.readline():
        print("line", line)
    print("at_eof", proc.stdout.at_eof())
    print("wait", await proc.wait())


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
loop.run_until_complete(main())
loop.close()
