# A long-lived child driven through its pipes: lines written to a `cat` child's stdin with
# drain() come back one by one on stdout; write_eof() ends it (returncode 0). A child that
# would run for a minute: returncode is None while it runs, kill() makes wait() return -9,
# returncode stays -9 and a second wait() returns at once; terminate() gives -15; a
# wait() cancelled by wait_for's timeout leaves the child running for a later kill().
import asyncio
import signal


async def main():
    proc = await asyncio.create_subprocess_exec(
        "cat", stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE)
    for word in [b"alpha", b"beta", b"gamma"]:
        proc.stdin.write(word + b"\n")
        await proc.stdin.drain()
        print("echoed", await proc.stdout.readline())
    print("can_write_eof", proc.stdin.can_write_eof(), "returncode", proc.returncode)
    proc.stdin.write_eof()
    print("rest", await proc.stdout.read(), "wait", await proc.wait())

    proc = await asyncio.create_subprocess_exec("sleep", "60")
    print("running, returncode", proc.returncode)
    proc.kill()
    print("after kill() returncode", proc.returncode)
    print("wait", await proc.wait(), "returncode", proc.returncode, "wait again", await proc.wait())

    proc = await asyncio.create_subprocess_exec("sleep", "60")
    proc.terminate()
    print("terminate -> wait", await proc.wait())

    proc = await asyncio.create_subprocess_exec("sleep", "60")
    try:
        await asyncio.wait_for(proc.wait(), 0.1)
    except TimeoutError:
        print("wait_for timed out; returncode", proc.returncode)
    proc.send_signal(signal.SIGKILL)
    print("send_signal(SIGKILL) -> wait", await proc.wait())

    proc = await asyncio.create_subprocess_exec(
        "sh", "-c", "read line; echo got $line; exit 4",
        stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE)
    out, err = await proc.communicate(b"input line\n")
    print("communicate", out, err, proc.returncode)


asyncio.run(main())
