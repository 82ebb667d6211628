# readline over a connection: whole lines, a last line without b"\n" returned at EOF, then
# b"" for ever after (readline never raises at EOF); at_eof turns True only once the
# buffer is empty and EOF has come; read() at EOF gives b"" too.
import asyncio


async def main():
    async def handle(reader, writer):
        writer.write(b"first\nsecond\nlast without newline")
        await writer.drain()
        writer.close()
        await writer.wait_closed()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    print("at_eof before reading", reader.at_eof())
    while True:
        line = await reader.readline()
        print("readline", line, "at_eof", reader.at_eof())
        if not line:
            break
    print("again", await reader.readline(), await reader.read(10), await reader.read())
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()
    print("done")


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
loop.run_until_complete(main())
loop.close()
