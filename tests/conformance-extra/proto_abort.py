# abort(): the transport closes at once, the buffer is dropped (get_write_buffer_size 0),
# connection_lost(None) comes once, as a callback; abort() and close() again do nothing,
# and a write after it is silently dropped. The server sees the connection end.
import asyncio


class Client(asyncio.Protocol):
    def __init__(self, log, lost):
        self.log, self.lost = log, lost

    def connection_lost(self, exc):
        self.log.append("connection_lost %r" % (exc,))
        self.lost.set_result(None)


class Server(asyncio.Protocol):
    def __init__(self, ended):
        self.ended = ended

    def connection_lost(self, exc):
        self.ended.set_result(exc)


async def main():
    log = []
    lost, ended = loop.create_future(), loop.create_future()
    server = await loop.create_server(lambda: Server(ended), "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    transport, _ = await loop.create_connection(lambda: Client(log, lost), "127.0.0.1", port)
    transport.write(b"x" * 100)
    transport.abort()
    log.append("aborted: closing=%s buffer=%d" % (transport.is_closing(), transport.get_write_buffer_size()))
    transport.abort()
    transport.close()
    transport.write(b"dropped")
    await lost
    print("\n".join(log))
    print("server side ended:", await ended)
    server.close()
    await server.wait_closed()


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
loop.run_until_complete(main())
loop.close()
