# A reset seen by protocols: the side whose peer resets gets connection_lost with a
# ConnectionResetError (no eof_received first) and its transport is closing; the side
# that reset gets connection_lost(None); neither reaches the loop's exception handler.
import asyncio
import socket
import struct


class Logged(asyncio.Protocol):
    def __init__(self, name, log, lost):
        self.name, self.log, self.lost = name, log, lost   # one log per side: their order is the OS's

    def connection_made(self, transport):
        self.transport = transport
        if self.name == "server":
            transport.write(b"bye")

    def data_received(self, data):
        self.log.append("%s data_received %r" % (self.name, data))
        if self.name == "client":
            self.transport.write(b"thanks")
        else:
            sock = self.transport.get_extra_info("socket")
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.transport.abort()

    def eof_received(self):
        self.log.append("%s eof_received" % self.name)

    def connection_lost(self, exc):
        self.log.append("%s connection_lost %s closing=%s" % (self.name, type(exc).__name__ if exc else None,
                                                             self.transport.is_closing()))
        self.lost.set_result(None)


async def main():
    slog, clog = [], []
    loop.set_exception_handler(lambda l, c: print("exception handler: " + c["message"]))
    slost, clost = loop.create_future(), loop.create_future()
    server = await loop.create_server(lambda: Logged("server", slog, slost), "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    await loop.create_connection(lambda: Logged("client", clog, clost), "127.0.0.1", port)
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
