# Writing after close(): write() raises nothing and the bytes are dropped; drain() first
# lets connection_lost run, then raises ConnectionResetError('Connection lost');
# wait_closed() returns normally; the peer gets only what was written before close().
import asyncio


async def main():
    got = loop.create_future()

    async def handle(reader, writer):
        got.set_result(await reader.read())
        writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(b"before close")
    writer.close()
    writer.write(b" after close")
    print("is_closing", writer.is_closing())
    try:
        await writer.drain()
    except ConnectionResetError as e:
        print("drain:", type(e).__name__, e)
    await writer.wait_closed()
    print("wait_closed returned")
    print("peer got", await got)
    server.close()
    await server.wait_closed()


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
loop.run_until_complete(main())
loop.close()
