# Subprocess stdio corners: half a megabyte through a shell pipeline with communicate(); stdout
# read to EOF with stderr merged into it (STDOUT) before wait(); a line written to stdin and
# the reply read while the child still runs; communicate() with no pipes, called twice.
import asyncio
from asyncio.subprocess import PIPE, STDOUT


async def main():
    data = bytes(range(256)) * 2048
    p = await asyncio.create_subprocess_shell("cat | wc -c", stdin=PIPE, stdout=PIPE)
    out, _ = await p.communicate(data)
    print("wc:", out.strip(), p.returncode)
    p = await asyncio.create_subprocess_exec("sh", "-c", "echo out; echo err >&2; exit 7", stdout=PIPE, stderr=STDOUT)
    print("merged:", await p.stdout.read(), await p.wait())
    p = await asyncio.create_subprocess_exec("sh", "-c", "read x; echo got $x", stdin=PIPE, stdout=PIPE)
    p.stdin.write(b"hello\n")
    await p.stdin.drain()
    print("reply:", await p.stdout.readline(), await p.wait())
    p.stdin.close()
    print("stdin closing", p.stdin.is_closing())
    p = await asyncio.create_subprocess_exec("true")
    print("communicate:", await p.communicate(), await p.communicate(), p.returncode)


asyncio.run(main())
