# The returncode is the child's exit status: 0, 1, 3, 255 from `sh -c "exit N"`. wait()
# returns it, returncode keeps it, and communicate() without PIPEs returns (None, None).
import asyncio


async def main():
    for n in (0, 1, 3, 255):
        proc = await asyncio.create_subprocess_exec("sh", "-c", f"exit {n}")
        print("exit", n, "wait", await proc.wait(), "returncode", proc.returncode)
    proc = await asyncio.create_subprocess_shell("exit 42")
    print("shell: communicate", await proc.communicate(), "returncode", proc.returncode)
    print("wait again", await proc.wait())


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
loop.run_until_complete(main())
loop.close()
