# A StreamWriter after close(): is_closing() at once; drain() raises ConnectionResetError
# ("Connection lost") once the connection is lost; write() and write_eof() are silently
# ignored; wait_closed() returns, again and again; the transport no longer reads; the
# client's reader gives what had arrived and then b'' (EOF); the server's handler sees EOF.
import asyncio


async def main():
    got_eof = asyncio.get_running_loop().create_future()

    async def handle(reader, writer):
        writer.write(b"greeting\n")
        await writer.drain()
        data = await reader.read()
        got_eof.set_result(data)
        writer.close()
        await writer.wait_closed()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    print("first line", await reader.readline())
    writer.write(b"last words")
    writer.close()
    print("is_closing", writer.is_closing(), "can_write_eof", writer.can_write_eof())
    try:
        await writer.drain()
        print("drain returned")
    except ConnectionResetError as e:
        print("drain:", type(e).__name__, e)
    writer.write(b"ignored")
    writer.write_eof()
    print("write/write_eof after close raised nothing")
    await writer.wait_closed()
    await writer.wait_closed()
    print("wait_closed twice; is_reading", writer.transport.is_reading())
    print("reader:", await reader.read(), "at_eof", reader.at_eof())
    print("server saw", await got_eof)
    try:
        await writer.drain()
    except ConnectionResetError as e:
        print("drain again:", type(e).__name__, e)
    server.close()
    await server.wait_closed()


asyncio.run(main())
