# Closing ends early. abort() on a write pipe drops the buffer and calls connection_lost(None)
# in the next iteration; writes after it are dropped silently. Closing the read end of a
# pipe: the write side notices the reader is gone and loses its connection (None: nothing
# was buffered).
import asyncio
import os


class Recorder(asyncio.BaseProtocol):
    def __init__(self, name, done):
        self.name = name
        self.done = done

    def connection_lost(self, exc):
        print(self.name, "connection_lost", exc)
        self.done.set_result(None)


async def main():
    loop = asyncio.get_running_loop()
    r, w = os.pipe()
    done = loop.create_future()
    wt, _ = await loop.connect_write_pipe(lambda: Recorder("aborted", done), os.fdopen(w, "wb", 0))
    wt.abort()
    print("is_closing", wt.is_closing(), "buffer", wt.get_write_buffer_size(), "done yet", done.done())
    await done
    wt.write(b"dropped")
    print("write after abort: buffer", wt.get_write_buffer_size())
    os.close(r)

    r, w = os.pipe()
    rdone, wdone = loop.create_future(), loop.create_future()
    rt, _ = await loop.connect_read_pipe(lambda: Recorder("read side", rdone), os.fdopen(r, "rb", 0))
    wt, _ = await loop.connect_write_pipe(lambda: Recorder("write side", wdone), os.fdopen(w, "wb", 0))
    rt.close()
    await rdone
    await wdone
    print("write side is_closing", wt.is_closing())


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
loop.run_until_complete(main())
loop.close()
