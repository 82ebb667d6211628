# Connecting where nobody listens: open_connection and create_connection raise
# ConnectionRefusedError (a ConnectionError, an OSError, errno ECONNREFUSED); the protocol
# factory is never called; the loop goes on serving afterwards.
import asyncio
import errno


async def main():
    server = await asyncio.start_server(lambda r, w: w.close(), "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    server.close()
    await server.wait_closed()
    made = []
    for how in ["open_connection", "create_connection"]:
        try:
            if how == "open_connection":
                await asyncio.open_connection("127.0.0.1", port)
            else:
                await loop.create_connection(lambda: made.append(1) or asyncio.Protocol(), "127.0.0.1", port)
        except ConnectionRefusedError as e:
            print(how, type(e).__name__, isinstance(e, ConnectionError), isinstance(e, OSError),
                  e.errno == errno.ECONNREFUSED)
    print("factory called", len(made))
    server = await asyncio.start_server(lambda r, w: w.write(b"up again\n"), "127.0.0.1", 0)
    reader, writer = await asyncio.open_connection("127.0.0.1", server.sockets[0].getsockname()[1])
    print(await reader.readline())
    writer.close()
    server.close()


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
loop.run_until_complete(main())
loop.close()
