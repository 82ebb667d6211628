# The peer resets the connection (SO_LINGER 0, then abort) in the middle of a read: the
# waiting readexactly raises ConnectionResetError, reader.exception() is that error and
# every later read raises it again, drain() raises it, and wait_closed() raises it too.
import asyncio
import socket
import struct


async def main():
    async def handle(reader, writer):
        writer.write(b"half")
        await reader.readline()            # the client has the four bytes
        sock = writer.get_extra_info("socket")
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        writer.transport.abort()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    print("got", await reader.readexactly(4))
    writer.write(b"ack\n")
    try:
        await reader.readexactly(100)
    except ConnectionResetError as e:
        print("readexactly:", type(e).__name__, isinstance(e, ConnectionError))
    print("exception():", type(reader.exception()).__name__)
    for what, op in [("read", reader.read), ("readline", reader.readline), ("drain", writer.drain),
                     ("wait_closed", writer.wait_closed)]:
        try:
            await op()
            print(what, "returned")
        except ConnectionResetError as e:
            print(what, "raised", type(e).__name__)
    print("is_closing", writer.is_closing())
    server.close()
    await server.wait_closed()


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
loop.run_until_complete(main())
loop.close()
