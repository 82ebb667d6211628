# asyncio 3.12.1's wait_closed(): it returns only once the server is closed AND its last
# connection is gone. close() leaves a connected client talking to its handler; new
# connections are refused; wait_closed() returns after the client leaves.
import asyncio


async def main():
    async def handle(reader, writer):
        while line := await reader.readline():
            writer.write(line.upper())
        writer.close()
        await writer.wait_closed()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(b"before close\n")
    print(await reader.readline())
    server.close()
    waiting = loop.create_task(server.wait_closed())
    await asyncio.sleep(0.02)
    print("closed; wait_closed done:", waiting.done())
    try:
        await asyncio.open_connection("127.0.0.1", port)
    except ConnectionRefusedError:
        print("new connection refused")
    writer.write(b"still talking\n")
    print(await reader.readline())
    print("client leaves; wait_closed done:", waiting.done())
    writer.close()
    await writer.wait_closed()
    await waiting
    print("wait_closed returned")


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
loop.run_until_complete(main())
loop.close()
