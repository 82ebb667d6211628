# readexactly: exact reads across what arrived, IncompleteReadError at EOF with the bytes
# read in partial, the number wanted in expected and asyncio's message; then at_eof,
# readexactly(0) gives b"", and a negative size is a ValueError.
import asyncio


async def main():
    async def handle(reader, writer):
        writer.write(b"12345")
        await writer.drain()
        writer.close()
        await writer.wait_closed()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    print("readexactly(2)", await reader.readexactly(2))
    try:
        await reader.readexactly(10)
    except asyncio.IncompleteReadError as e:
        print(type(e).__name__, e.partial, e.expected)
        print("str:", e)
    print("at_eof", reader.at_eof())
    print("readexactly(0)", await reader.readexactly(0))
    try:
        await reader.readexactly(-1)
    except ValueError as e:
        print("ValueError:", e)
    try:
        await reader.readexactly(1)
    except asyncio.IncompleteReadError as e:
        print("at EOF:", e.partial, e.expected, e)
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
loop.run_until_complete(main())
loop.close()
