# A writer blocked in drain() (the peer reads nothing, the buffer is over the high mark)
# when the peer resets the connection: drain() raises a ConnectionError, the reader's
# exception is set, and the loop serves a new connection afterwards.
import asyncio
import socket
import struct


async def main():
    stalled = loop.create_future()

    async def handle(reader, writer):
        if await reader.readexactly(1) == b"s":
            await stalled                       # never reads again until told to reset
            sock = writer.get_extra_info("socket")
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            writer.transport.abort()
        else:
            writer.write(b"served")
            writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(b"s")
    blocked = None
    for i in range(10000):
        writer.write(b"\0" * 65536)
        drain = loop.create_task(writer.drain())
        await asyncio.sleep(0)
        if not drain.done():
            blocked = drain
            break
        await drain
    print("drain blocked:", blocked is not None, "buffer over high mark:", writer.transport.get_write_buffer_size() > 65536)
    stalled.set_result(None)
    try:
        await blocked
    except ConnectionError as e:
        print("drain raised a ConnectionError:", isinstance(e, (BrokenPipeError, ConnectionResetError)))
    print("reader exception set:", isinstance(reader.exception(), ConnectionError))
    reader2, writer2 = await asyncio.open_connection("127.0.0.1", port)
    writer2.write(b"n")
    print("new connection:", await reader2.read())
    writer2.close()
    server.close()


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
loop.run_until_complete(main())
loop.close()
