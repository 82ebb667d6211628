# pause_reading() stops data_received until resume_reading(); is_reading() says which;
# pausing or resuming twice changes nothing; data sent while paused arrives, whole and in
# order, after the resume.
import asyncio


class Server(asyncio.Protocol):
    def __init__(self, log, done):
        self.log, self.done, self.got = log, done, b""

    def connection_made(self, transport):
        self.transport = transport
        transport.pause_reading()
        transport.pause_reading()
        self.log.append("paused: is_reading=%s" % transport.is_reading())
        loop.call_later(0.05, self.resume)

    def resume(self):
        self.log.append("resuming after %d bytes" % len(self.got))
        self.transport.resume_reading()
        self.transport.resume_reading()
        self.log.append("is_reading=%s" % self.transport.is_reading())

    def data_received(self, data):
        self.got += data

    def eof_received(self):
        self.log.append("eof after %r" % (self.got,))
        self.done.set_result(None)


async def main():
    log = []
    done = loop.create_future()
    server = await loop.create_server(lambda: Server(log, done), "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    transport, _ = await loop.create_connection(asyncio.Protocol, "127.0.0.1", port)
    for part in [b"one ", b"two ", b"three"]:
        transport.write(part)
    transport.write_eof()
    await done
    print("\n".join(log))
    transport.close()
    server.close()
    await server.wait_closed()


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
loop.run_until_complete(main())
loop.close()
