# start_unix_server / open_unix_connection on a socket in a fresh temporary directory: the
# server's socket name is the path, the client's peername is the path and its sockname is
# empty; lines go both ways; a second server on a path already in use (a plain file) fails
# with OSError EADDRINUSE, and connecting to a path where nothing listens raises
# FileNotFoundError (no file) or ConnectionRefusedError (a file, not a listening socket).
import asyncio
import os
import tempfile


async def main():
    d = tempfile.mkdtemp()
    path = os.path.join(d, "echo.sock")
    done = asyncio.get_running_loop().create_future()

    async def handle(reader, writer):
        print("server: sockname is path", writer.get_extra_info("sockname") == path,
              "peername", repr(writer.get_extra_info("peername")))
        while line := await reader.readline():
            writer.write(b"echo " + line)
            await writer.drain()
        writer.close()
        await writer.wait_closed()
        done.set_result(None)

    server = await asyncio.start_unix_server(handle, path)
    print("listening on the path:", server.sockets[0].getsockname() == path, "is_serving", server.is_serving())
    reader, writer = await asyncio.open_unix_connection(path)
    print("client: peername is path", writer.get_extra_info("peername") == path,
          "sockname", repr(writer.get_extra_info("sockname")))
    for msg in [b"one\n", b"two\n"]:
        writer.write(msg)
        await writer.drain()
        print("client got", await reader.readline())
    writer.write_eof()
    print("client reads EOF", await reader.read(), "at_eof", reader.at_eof())
    writer.close()
    await writer.wait_closed()
    await done
    server.close()
    await server.wait_closed()
    print("closed; is_serving", server.is_serving())

    taken = os.path.join(d, "taken")
    open(taken, "w").close()
    try:
        await asyncio.start_unix_server(handle, taken)
    except OSError as e:
        print("path in use:", type(e).__name__, e.errno)
    try:
        await asyncio.open_unix_connection(os.path.join(d, "nothing.sock"))
    except OSError as e:
        print("no such socket:", type(e).__name__, e.errno)
    try:
        await asyncio.open_unix_connection(taken)
    except OSError as e:
        print("not a socket:", type(e).__name__, e.errno)
    os.remove(taken)
    if os.path.exists(path):
        os.remove(path)
    os.rmdir(d)


asyncio.run(main())
