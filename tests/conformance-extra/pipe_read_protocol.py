# A Protocol on the reading end of a pipe: connection_made, data_received, eof_received,
# connection_lost(None), in that order; connect_read_pipe returns once connection_made ran.
# After the end the transport is closing and has no protocol any more.
import asyncio
import os


class Recorder(asyncio.Protocol):
    def __init__(self, done):
        self.done = done

    def connection_made(self, transport):
        print("connection_made", transport.is_reading())

    def data_received(self, data):
        print("data_received", data)

    def eof_received(self):
        print("eof_received")

    def connection_lost(self, exc):
        print("connection_lost", exc)
        self.done.set_result(None)


async def main():
    loop = asyncio.get_running_loop()
    done = loop.create_future()
    r, w = os.pipe()
    transport, protocol = await loop.connect_read_pipe(lambda: Recorder(done), os.fdopen(r, "rb", 0))
    print("connected", isinstance(protocol, Recorder))
    os.write(w, b"some bytes")
    os.close(w)
    await done
    print("is_closing", transport.is_closing(), "protocol", transport.get_protocol())
    transport.close()
    print("close again: fine")


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
loop.run_until_complete(main())
loop.close()
