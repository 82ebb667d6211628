# eof_received returning True keeps the transport open: the server answers after the
# client's EOF and closes when it is done; the client, whose eof_received returns None,
# closes on the server's EOF. is_reading is False on the server after its EOF.
import asyncio


class Server(asyncio.Protocol):
    def __init__(self, log, lost):
        self.log, self.lost, self.got = log, lost, b""

    def connection_made(self, transport):
        self.transport = transport

    def data_received(self, data):
        self.got += data

    def eof_received(self):
        self.log.append("server eof_received after %r" % (self.got,))
        loop.call_soon(self.answer)
        return True

    def answer(self):
        self.log.append("server answers; closing=%s" % self.transport.is_closing())
        self.transport.write(b"answer after EOF")
        self.transport.close()

    def connection_lost(self, exc):
        self.log.append("server connection_lost %r" % (exc,))
        self.lost.set_result(None)


class Client(asyncio.Protocol):
    def __init__(self, log, lost):
        self.log, self.lost = log, lost

    def data_received(self, data):
        self.log.append("client data_received %r" % (data,))

    def eof_received(self):
        self.log.append("client eof_received")

    def connection_lost(self, exc):
        self.log.append("client connection_lost %r" % (exc,))
        self.lost.set_result(None)


async def main():
    slog, clog = [], []
    slost, clost = loop.create_future(), loop.create_future()
    server = await loop.create_server(lambda: Server(slog, slost), "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    transport, _ = await loop.create_connection(lambda: Client(clog, clost), "127.0.0.1", port)
    transport.write(b"request")
    transport.write_eof()
    await slost
    await clost
    print("\n".join(slog))
    print("\n".join(clog))
    server.close()
    await server.wait_closed()


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
loop.run_until_complete(main())
loop.close()
