# Once a wait() begun while the child ran has returned (the child exited and the transport
# finished), send_signal, terminate and kill raise ProcessLookupError; wait() and communicate()
# still return. (A wait() begun after the exit is reported but before the pipes close returns at
# once, and signals then still do nothing: the child reads a line first so that this one cannot.)
import asyncio
import signal
from asyncio.subprocess import PIPE


async def main():
    proc = await asyncio.create_subprocess_exec("sh", "-c", "read x; echo bye", stdin=PIPE, stdout=PIPE)
    waiting = asyncio.create_task(proc.wait())
    await asyncio.sleep(0)
    out, _ = await proc.communicate(b"\n")
    print("out", out, "returncode", proc.returncode, "wait", await waiting)
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
