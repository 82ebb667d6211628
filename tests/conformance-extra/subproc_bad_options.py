# asyncio refuses text mode and the other Popen options it cannot honour with ValueError,
# and a shell command that is not a string; nothing is started.
import asyncio


async def main():
    for kw in ({"text": True}, {"encoding": "utf-8"}, {"errors": "strict"},
               {"universal_newlines": True}, {"bufsize": 1}, {"shell": True}):
        try:
            await asyncio.create_subprocess_exec("true", **kw)
            print("exec", kw, "started?!")
        except ValueError as e:
            print("exec", list(kw), type(e).__name__)
    for kw in ({"text": True}, {"shell": False}):
        try:
            await asyncio.create_subprocess_shell("true", **kw)
        except ValueError as e:
            print("shell", list(kw), type(e).__name__)
    try:
        await asyncio.create_subprocess_shell(42)
    except ValueError as e:
        print("shell 42", type(e).__name__)
    try:
        await asyncio.create_subprocess_exec("echo", 42)
    except TypeError as e:
        print("exec arg 42", type(e).__name__)
    proc = await asyncio.create_subprocess_exec("true")
    print("then true:", await proc.wait())


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
loop.run_until_complete(main())
loop.close()
