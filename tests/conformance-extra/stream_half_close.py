# Half-close with streams: the client sends, then write_eof(); the handler reads to EOF
# and can still answer (StreamReaderProtocol keeps the transport open on EOF); the client
# reads the answer to EOF. write() after write_eof() is a RuntimeError.
import asyncio


async def main():
    async def handle(reader, writer):
        question = await reader.read()
        print("server: read to EOF:", question, "at_eof", reader.at_eof(), "is_closing", writer.is_closing())
        writer.write(b"answer to " + question)
        await writer.drain()
        writer.close()
        await writer.wait_closed()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    print("client: can_write_eof", writer.can_write_eof())
    writer.write(b"question")
    writer.write_eof()
    writer.write_eof()
    try:
        writer.write(b"more")
    except RuntimeError as e:
        print("client: RuntimeError:", e)
    print("client: got", await reader.read())
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
loop.run_until_complete(main())
loop.close()
