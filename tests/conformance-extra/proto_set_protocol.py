# transport.set_protocol() in the middle of a connection: from then on the new protocol
# gets data_received, eof_received and connection_lost; the first one gets nothing more.
import asyncio


class First(asyncio.Protocol):
    def __init__(self, log, second):
        self.log, self.second = log, second

    def connection_made(self, transport):
        self.transport = transport

    def data_received(self, data):
        self.log.append("first: data_received %r" % (data,))
        self.transport.set_protocol(self.second)
        self.log.append("get_protocol is second: %s" % (self.transport.get_protocol() is self.second))
        self.transport.write(b"next\n")

    def connection_lost(self, exc):
        self.log.append("first: connection_lost (not expected)")


class Second(asyncio.Protocol):
    def __init__(self, log, lost):
        self.log, self.lost = log, lost

    def data_received(self, data):
        self.log.append("second: data_received %r" % (data,))

    def eof_received(self):
        self.log.append("second: eof_received")

    def connection_lost(self, exc):
        self.log.append("second: connection_lost %r" % (exc,))
        self.lost.set_result(None)


async def main():
    async def handle(reader, writer):
        writer.write(b"one")
        await reader.readline()
        writer.write(b"two")
        writer.close()

    log = []
    lost = loop.create_future()
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    second = Second(log, lost)
    await loop.create_connection(lambda: First(log, second), "127.0.0.1", port)
    await lost
    print("\n".join(log))
    server.close()
    await server.wait_closed()


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
loop.run_until_complete(main())
loop.close()
