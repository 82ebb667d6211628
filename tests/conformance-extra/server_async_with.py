# async with server: the body runs with the server serving; leaving the block closes the
# server and waits for it (close + wait_closed), also when the body raises, and the
# exception goes on.
import asyncio


async def main():
    async def handle(reader, writer):
        writer.write(b"hello\n")
        writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    async with server as s:
        print("inside: same server", s is server, "serving", server.is_serving())
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        print("got", await reader.readline())
        writer.close()
        await writer.wait_closed()
    print("after: serving", server.is_serving(), "sockets", len(server.sockets))

    server2 = await asyncio.start_server(handle, "127.0.0.1", 0)
    try:
        async with server2:
            raise KeyError("inside")
    except KeyError as e:
        print("KeyError went on:", e)
    print("server2 serving", server2.is_serving())


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
loop.run_until_complete(main())
loop.close()
