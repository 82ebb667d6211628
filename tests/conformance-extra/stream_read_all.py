# read() reads until EOF even when the peer sends far more than the reader's limit (the
# reader pauses and resumes its transport on the way); the bytes come in order; read(n)
# after EOF gives b"".
import asyncio

SIZE = 300_000


def pattern(n):
    return bytes((i * 7 + 3) % 256 for i in range(n))


async def main():
    async def handle(reader, writer):
        writer.write(pattern(SIZE))
        await writer.drain()
        writer.close()
        await writer.wait_closed()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port, limit=1024)
    data = await reader.read()
    print("read", len(data), "bytes; same as sent:", data == pattern(SIZE))
    print("after EOF:", await reader.read(100), reader.at_eof())
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
loop.run_until_complete(main())
loop.close()
