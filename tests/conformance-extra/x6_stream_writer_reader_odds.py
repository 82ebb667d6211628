# Stream writer and reader odds on a real connection: can_write_eof, write_eof then reading
# the peer's reply, read(0) and readexactly(0) returning b'' at once, a partial last line at
# EOF, get_extra_info for both ends' host, is_closing before and after close, wait_closed
# twice, and the reader's exception() (None) after EOF.
import asyncio


async def main():
    async def handle(reader, writer):
        data = await reader.read()  # until the client's write_eof
        print("server got", data, "at_eof", reader.at_eof(), "peer host", writer.get_extra_info("peername")[0])
        writer.write(b"line1\npartial")
        await writer.drain()
        writer.close()
        await writer.wait_closed()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    print("sock host", writer.get_extra_info("sockname")[0], "can_write_eof", writer.can_write_eof())
    print("read(0)", await reader.read(0), "readexactly(0)", await reader.readexactly(0))
    writer.write(b"hello")
    writer.write_eof()
    print("is_closing after write_eof", writer.is_closing())
    print("readline", await reader.readline())
    print("readline", await reader.readline())
    print("readline", await reader.readline(), "at_eof", reader.at_eof(), "exception", reader.exception())
    writer.close()
    print("is_closing after close", writer.is_closing())
    await writer.wait_closed()
    await writer.wait_closed()
    print("closed twice fine")
    server.close()
    await server.wait_closed()


asyncio.run(main())
