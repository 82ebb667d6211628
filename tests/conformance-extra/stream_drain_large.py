# write() + drain() in a loop: 4 MiB in 64 KiB chunks to a handler that counts what it
# reads until EOF and answers with the count; drain() keeps the writer's buffer bounded,
# and every byte arrives.
import asyncio

CHUNK = 65536
COUNT = 64


async def main():
    async def handle(reader, writer):
        total = 0
        while True:
            data = await reader.read(CHUNK)
            if not data:
                break
            total += len(data)
        writer.write(b"%d\n" % total)
        await writer.drain()
        writer.close()
        await writer.wait_closed()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    low, high = writer.transport.get_write_buffer_limits()
    peak = 0
    for i in range(COUNT):
        writer.write(bytes([i % 256]) * CHUNK)
        peak = max(peak, writer.transport.get_write_buffer_size())
        await writer.drain()
    writer.write_eof()
    print("server counted", (await reader.readline()).decode().strip(), "of", CHUNK * COUNT)
    print("buffer never above high + one chunk:", peak <= high + CHUNK)
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
loop.run_until_complete(main())
loop.close()
