# A child that stops reading its stdin early: communicate() with a large input to `true`
# (reads nothing) and to `head -c 10` (reads ten bytes) returns normally — the broken pipe
# is swallowed, as asyncio's _feed_stdin does — with what the child wrote and its exit
# status. Writing to the stdin StreamWriter of a child that already exited makes drain()
# raise BrokenPipeError or ConnectionResetError (which one depends on timing, so both print
# the same here), and wait() still returns the status.
import asyncio

BIG = b"x" * (1 << 20)


async def main():
    proc = await asyncio.create_subprocess_exec(
        "true", stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE)
    out, err = await proc.communicate(BIG)
    print("true:", out, err, proc.returncode)

    proc = await asyncio.create_subprocess_exec(
        "head", "-c", "10", stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE)
    out, err = await proc.communicate(BIG)
    print("head -c 10:", out, err, proc.returncode)

    proc = await asyncio.create_subprocess_exec(
        "sh", "-c", "exit 3", stdin=asyncio.subprocess.PIPE)
    print("exited:", await proc.wait())
    try:
        for _ in range(20):
            proc.stdin.write(BIG)
            await proc.stdin.drain()
        print("drain kept succeeding")
    except (BrokenPipeError, ConnectionResetError) as e:
        print("drain: broken pipe or reset")
    print("wait again:", await proc.wait())
    proc.stdin.close()
    await proc.stdin.wait_closed()
    print("stdin closed")


asyncio.run(main())
