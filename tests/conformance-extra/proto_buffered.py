# A BufferedProtocol with a 4-byte buffer: the transport asks get_buffer(-1) and fills it
# as far as the received bytes go, calling buffer_updated(n) each time; EOF and
# connection_lost follow as for any protocol.
import asyncio


class Small(asyncio.BufferedProtocol):
    def __init__(self, log, lost):
        self.log, self.lost = log, lost
        self.buf = bytearray(4)

    def get_buffer(self, sizehint):
        self.hint = sizehint
        return self.buf

    def buffer_updated(self, nbytes):
        self.log.append("buffer_updated %d %r hint %d" % (nbytes, bytes(self.buf[:nbytes]), self.hint))

    def eof_received(self):
        self.log.append("eof_received")

    def connection_lost(self, exc):
        self.log.append("connection_lost %r" % (exc,))
        self.lost.set_result(None)


class Sender(asyncio.Protocol):
    def connection_made(self, transport):
        transport.write(b"0123456789")
        transport.close()


async def main():
    log = []
    lost = loop.create_future()
    server = await loop.create_server(Sender, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    await loop.create_connection(lambda: Small(log, lost), "127.0.0.1", port)
    await lost
    print("\n".join(log))
    server.close()
    await server.wait_closed()


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
loop.run_until_complete(main())
loop.close()
