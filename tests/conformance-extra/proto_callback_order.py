# The calls each side's protocol receives, in asyncio's order, with the transport's state
# at each: the client sends, half-closes, the server echoes and returns None from
# eof_received (so its transport closes), the client sees the echo, EOF, then
# connection_lost(None); get_protocol() is None once the connection is lost.
import asyncio


class Logged(asyncio.Protocol):
    def __init__(self, name, log, lost):
        self.name, self.log, self.lost = name, log, lost

    def connection_made(self, transport):
        self.transport = transport
        self.log.append("connection_made closing=%s reading=%s" % (transport.is_closing(), transport.is_reading()))

    def data_received(self, data):
        self.log.append("data_received %r" % (data,))
        if self.name == "server":
            self.transport.write(data.upper())

    def eof_received(self):
        self.log.append("eof_received closing=%s" % self.transport.is_closing())

    def connection_lost(self, exc):
        self.log.append("connection_lost %r closing=%s" % (exc, self.transport.is_closing()))
        self.lost.set_result(None)


async def main():
    slog, clog = [], []
    slost, clost = loop.create_future(), loop.create_future()
    server = await loop.create_server(lambda: Logged("server", slog, slost), "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    transport, protocol = await loop.create_connection(lambda: Logged("client", clog, clost), "127.0.0.1", port)
    print("after create_connection:", clog)
    transport.write(b"hello")
    transport.write_eof()
    print("write_eof: closing", transport.is_closing(), "reading", transport.is_reading())
    await clost
    await slost
    for line in slog:
        print("server:", line)
    for line in clog:
        print("client:", line)
    print("get_protocol after loss:", transport.get_protocol())
    server.close()
    await server.wait_closed()


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
loop.run_until_complete(main())
loop.close()
