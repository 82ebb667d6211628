# start_server(limit=8): the handler's readline raises ValueError for a line longer than the
# limit and drops that line; the lines before and after it read normally. The handler
# reports what it saw on its writer.
import asyncio


async def main():
    async def handle(reader, writer):
        seen = []
        while True:
            try:
                line = await reader.readline()
            except ValueError as e:
                seen.append("ValueError(%s)" % e)
                continue
            if not line:
                break
            seen.append(repr(line))
        writer.write((" ".join(seen) + "\n").encode())
        await writer.drain()
        writer.close()
        await writer.wait_closed()

    server = await asyncio.start_server(handle, "127.0.0.1", 0, limit=8)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(b"short\nthis line is too long\nok\n")
    writer.write_eof()
    print((await reader.readline()).decode().strip())
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
loop.run_until_complete(main())
loop.close()
