# pause_reading() on a read pipe: is_reading() turns False and nothing reaches the protocol
# until resume_reading(); pausing twice or resuming a running transport does nothing.
import asyncio
import os


class Recorder(asyncio.Protocol):
    def __init__(self):
        self.got = b""
        self.waiter = None

    def data_received(self, data):
        self.got += data
        if self.waiter is not None and not self.waiter.done():
            self.waiter.set_result(None)


async def main():
    loop = asyncio.get_running_loop()
    r, w = os.pipe()
    transport, protocol = await loop.connect_read_pipe(Recorder, os.fdopen(r, "rb", 0))
    transport.pause_reading()
    transport.pause_reading()
    print("is_reading", transport.is_reading())
    os.write(w, b"held back")
    await asyncio.sleep(0.05)
    print("while paused:", protocol.got)
    protocol.waiter = loop.create_future()
    transport.resume_reading()
    transport.resume_reading()
    print("is_reading", transport.is_reading())
    await protocol.waiter
    print("after resume:", protocol.got)
    transport.close()
    print("is_reading after close", transport.is_reading())
    os.close(w)


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
loop.run_until_complete(main())
loop.close()
