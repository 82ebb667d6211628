# Once wait() has returned (the child exited and the transport finished), send_signal,
# terminate and kill raise ProcessLookupError; wait() and communicate() still return.
import asyncio
import signal
from asyncio.subprocess import PIPE


async def main():
    proc = await asyncio.create_subprocess_exec("sh", "-c", "echo bye", stdout=PIPE)
    out, _ = await proc.communicate()
    print("out", out, "returncode", proc.returncode)
    for name, call in (("send_signal", lambda: proc.send_signal(signal.SIGTERM)),
                       ("terminate", proc.terminate), ("kill", proc.kill)):
        try:
            call()
            print(name, "did nothing")
        except ProcessLookupError as e:
            print(name, "raised", type(e).__name__, repr(str(e)))
    print("wait", await proc.wait())
    print("communicate again", await proc.communicate())


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
loop.run_until_complete(main())
loop.close()
