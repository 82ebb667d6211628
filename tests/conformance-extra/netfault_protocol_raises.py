# A protocol whose data_received raises: the loop's exception handler gets "Fatal error:
# protocol.data_received() call failed." with the exception, the transport and the
# protocol; the connection is lost with that exception; the peer sees the connection end.
import asyncio


class Fragile(asyncio.Protocol):
    def __init__(self, lost):
        self.lost = lost

    def connection_made(self, transport):
        self.transport = transport

    def data_received(self, data):
        raise ValueError("cannot parse %r" % (data,))

    def connection_lost(self, exc):
        self.lost.set_result(exc)


async def main():
    def handler(loop, context):
        print("handler:", context["message"], "|", type(context["exception"]).__name__, context["exception"],
              "| protocol is Fragile:", isinstance(context["protocol"], Fragile),
              "| transport given:", context["transport"] is not None)

    loop.set_exception_handler(handler)
    lost = loop.create_future()
    server = await loop.create_server(lambda: Fragile(lost), "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(b"garbage")
    exc = await lost
    print("connection_lost:", type(exc).__name__, exc)
    print("client reads:", await reader.read())
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
loop.run_until_complete(main())
loop.close()
