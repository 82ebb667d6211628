# readuntil with one- and two-byte separators, IncompleteReadError (expected None) when EOF
# comes first, and on a reader with limit=4 a LimitOverrunError that leaves the data to
# be read (consumed says where the separator starts).
import asyncio


async def main():
    async def handle(reader, writer):
        which = await reader.readline()
        if which == b"one\n":
            writer.write(b"alpha|beta||gamma::end")
        else:
            writer.write(b"toolongvalue|x")
        await writer.drain()
        writer.close()
        await writer.wait_closed()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]

    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(b"one\n")
    print(await reader.readuntil(b"|"))
    print(await reader.readuntil(b"||"))
    print(await reader.readuntil(b"::"))
    try:
        await reader.readuntil(b"|")
    except asyncio.IncompleteReadError as e:
        print(type(e).__name__, e.partial, e.expected, "|", e)
    writer.close()
    await writer.wait_closed()

    reader, writer = await asyncio.open_connection("127.0.0.1", port, limit=4)
    writer.write(b"two\n")
    await reader.readexactly(1)
    try:
        await reader.readuntil(b"|")
    except asyncio.LimitOverrunError as e:
        print(type(e).__name__, e.consumed, "|", e)
    print("still there:", await reader.readexactly(12))
    print("rest:", await reader.read())
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
loop.run_until_complete(main())
loop.close()
