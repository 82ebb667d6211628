# Both ends of one pipe on the loop: connect_write_pipe (a BaseProtocol) writes, a
# StreamReader on connect_read_pipe reads. write_eof() closes the pipe once the buffer is
# through: the reader gets EOF and the write protocol connection_lost(None).
import asyncio
import os


class WriteSide(asyncio.BaseProtocol):
    def connection_made(self, transport):
        print("write side: connection_made")

    def connection_lost(self, exc):
        print("write side: connection_lost", exc)


async def main():
    loop = asyncio.get_running_loop()
    r, w = os.pipe()
    reader = asyncio.StreamReader()
    await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), os.fdopen(r, "rb", 0))
    wt, wp = await loop.connect_write_pipe(WriteSide, os.fdopen(w, "wb", 0))
    print("can_write_eof", wt.can_write_eof(), "limits", wt.get_write_buffer_limits())
    wt.write(b"ping\n")
    wt.writelines([b"po", b"ng\n"])
    print(await reader.readline(), await reader.readline())
    wt.write_eof()
    print("is_closing", wt.is_closing())
    print("rest", await reader.read(), "at_eof", reader.at_eof())
    await asyncio.sleep(0)
    print("buffer", wt.get_write_buffer_size())


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
loop.run_until_complete(main())
loop.close()
