# A signal ends a child with a negative returncode, minus the signal's number: kill() is
# SIGKILL (-9), terminate() SIGTERM (-15), send_signal(SIGHUP) -1, send_signal(SIGINT) -2.
import asyncio
import signal


async def main():
    for name, how in (("kill", lambda p: p.kill()),
                      ("terminate", lambda p: p.terminate()),
                      ("send_signal(SIGHUP)", lambda p: p.send_signal(signal.SIGHUP)),
                      ("send_signal(SIGINT)", lambda p: p.send_signal(signal.SIGINT))):
        proc = await asyncio.create_subprocess_exec("sleep", "30")
        print(name, "returncode before", proc.returncode)
        how(proc)
        print(name, "wait", await proc.wait(), "returncode", proc.returncode)


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
loop.run_until_complete(main())
loop.close()
