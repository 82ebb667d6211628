# A program that does not exist raises FileNotFoundError, one that is not executable
# PermissionError, a working directory that does not exist FileNotFoundError naming it;
# the loop goes on running children afterwards.
import asyncio
from asyncio.subprocess import PIPE, STDOUT


async def main():
    for args, kw in ((["wasmloop-no-such-program", "-x"], {}),
                     (["wasmloop-no-such-program"], {"stdout": PIPE, "stderr": STDOUT}),
                     (["/etc/passwd"], {}),
                     (["./wasmloop/no/such/path"], {}),
                     (["sh", "-c", "exit 0"], {"cwd": "/wasmloop-no-such-dir"})):
        try:
            await asyncio.create_subprocess_exec(*args, **kw)
            print(args[0], "started?!")
        except OSError as e:
            print(args[0], type(e).__name__, e)
    proc = await asyncio.create_subprocess_exec("sh", "-c", "echo still fine", stdout=PIPE)
    print("then", (await proc.communicate())[0])


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
loop.run_until_complete(main())
loop.close()
