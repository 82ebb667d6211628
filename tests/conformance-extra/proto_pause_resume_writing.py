# Write flow control on a real socket: the server does not read at first, so one big
# write leaves most of it in the client transport's buffer: pause_writing() is called
# inside write(), once; when the server reads, the buffer drains and resume_writing() is
# called once at the low-water mark; every byte arrives.
import asyncio

SIZE = 16 * 1024 * 1024


class Sink(asyncio.Protocol):
    def __init__(self, done):
        self.done, self.n = done, 0

    def connection_made(self, transport):
        self.transport = transport
        transport.pause_reading()
        loop.call_later(0.05, transport.resume_reading)

    def data_received(self, data):
        self.n += len(data)
        if self.n == SIZE:
            self.done.set_result(self.n)


class Writer(asyncio.Protocol):
    def __init__(self, log):
        self.log = log

    def connection_made(self, transport):
        self.transport = transport

    def pause_writing(self):
        self.log.append("pause_writing; buffer over the high mark: %s" % (self.transport.get_write_buffer_size() > 65536))

    def resume_writing(self):
        self.log.append("resume_writing; buffer at most the low mark: %s" % (self.transport.get_write_buffer_size() <= 16384))


async def main():
    log = []
    done = loop.create_future()
    server = await loop.create_server(lambda: Sink(done), "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    transport, _ = await loop.create_connection(lambda: Writer(log), "127.0.0.1", port)
    transport.write(b"\0" * SIZE)
    log.append("write returned")
    print("server received", await done)
    print("\n".join(log))
    transport.close()
    server.close()
    await server.wait_closed()


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
loop.run_until_complete(main())
loop.close()
