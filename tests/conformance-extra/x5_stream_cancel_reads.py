# Cancelled and timed-out reads on a real connection lose no data: a readline() task
# cancelled before anything arrived, then the line read whole; timeout() around
# readexactly(10) when only 5 bytes came (TimeoutError), then the rest arrives and
# readexactly(10) returns all 10; wait_for(readuntil) timing out in the middle of a
# separator. The server sends only when asked, so nothing races.
import asyncio


async def main():
    async def handle(reader, writer):
        while True:
            cmd = await reader.readline()
            if not cmd:
                break
            writer.write(cmd.strip().replace(b"\\n", b"\n"))
            await writer.drain()
        writer.close()
        await writer.wait_closed()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)

    t = asyncio.create_task(reader.readline())
    await asyncio.sleep(0.01)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("readline task cancelled:", t.cancelled())
    writer.write(b"first line\\n\n")
    print("then readline:", await reader.readline())

    writer.write(b"12345\n")
    try:
        async with asyncio.timeout(0.2):
            await reader.readexactly(10)
    except TimeoutError:
        print("readexactly(10) timed out; at_eof", reader.at_eof())
    writer.write(b"67890\n")
    print("readexactly(10) again:", await reader.readexactly(10))

    writer.write(b"part|\n")
    try:
        await asyncio.wait_for(reader.readuntil(b"||"), 0.2)
    except TimeoutError:
        print("readuntil timed out")
    writer.write(b"|rest\n")
    print("readuntil again:", await reader.readuntil(b"||"))
    print("read(4):", await reader.read(4))

    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()
    print("done")


asyncio.run(main())
