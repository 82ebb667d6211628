# readuntil on a real connection whose separators arrive split over several writes (the
# server pauses between pieces): a two-byte separator split after its first byte, one split
# over three writes with EOF before the next separator (IncompleteReadError), and limits:
# a separator found past the limit across pieces, one not found while the buffer grows past
# the limit (the client asks for the last piece after the error); in both cases the data
# stays to be read.
import asyncio

SCRIPTS = {
    b"crlf\n": [b"ab\r", b"\ncd", b"\r\n"],
    b"colons\n": [b"x:", b":", b":y", b"z:"],
    b"found\n": [b"0123456", b"78\r\nrest"],
    b"notfound\n": [b"abc", b"defgh", None, b"ij|"],
}


async def main():
    async def handle(reader, writer):
        which = await reader.readline()
        for piece in SCRIPTS[which]:
            if piece is None:  # wait for the client's go-ahead
                await reader.readline()
                continue
            writer.write(piece)
            await writer.drain()
            await asyncio.sleep(0.05)
        writer.close()
        await writer.wait_closed()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]

    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(b"crlf\n")
    print("crlf:", await reader.readuntil(b"\r\n"), await reader.readuntil(b"\r\n"))
    print("  then", await reader.read(), reader.at_eof())
    writer.close()
    await writer.wait_closed()

    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(b"colons\n")
    print("colons:", await reader.readuntil(b"::"))
    try:
        await reader.readuntil(b"::")
    except asyncio.IncompleteReadError as e:
        print("  ", type(e).__name__, e.partial, e.expected)
    print("  then", await reader.read(), reader.at_eof())
    writer.close()
    await writer.wait_closed()

    reader, writer = await asyncio.open_connection("127.0.0.1", port, limit=8)
    writer.write(b"found\n")
    try:
        await reader.readuntil(b"\r\n")
    except asyncio.LimitOverrunError as e:
        print("found:", type(e).__name__, e.consumed, "|", e)
    print("  still there:", await reader.readexactly(11))
    print("  rest:", await reader.read())
    writer.close()
    await writer.wait_closed()

    reader, writer = await asyncio.open_connection("127.0.0.1", port, limit=4)
    writer.write(b"notfound\n")
    await reader.readexactly(3)
    try:
        print("notfound:", await reader.readuntil(b"|"))
    except asyncio.LimitOverrunError as e:
        print("notfound:", type(e).__name__, e.consumed, "|", e)
    writer.write(b"more\n")
    print("  rest:", await reader.read())
    writer.close()
    await writer.wait_closed()

    server.close()
    await server.wait_closed()


asyncio.run(main())
