# The peer closes its end; the client keeps its own open (the stream protocol does on EOF)
# and goes on writing: the peer's kernel answers with a reset, and a later write() +
# drain() raises a ConnectionError (BrokenPipeError or ConnectionResetError, whichever the
# kernel reports first); the transport is then closed and reads raise the same error.
import asyncio


async def main():
    async def handle(reader, writer):
        writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    print("read at EOF:", await reader.read(), "closing", writer.is_closing())
    error = None
    for _ in range(1000):
        try:
            writer.write(b"x" * 1000)
            await writer.drain()
        except ConnectionError as e:
            error = e
            break
    print("write failed with a ConnectionError:", isinstance(error, (BrokenPipeError, ConnectionResetError)))
    print("closing", writer.is_closing())
    try:
        await reader.read(1)
        print("read returned")
    except ConnectionError as e:
        print("read raises the same error:", e is error)
    server.close()
    await server.wait_closed()


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
loop.run_until_complete(main())
loop.close()
