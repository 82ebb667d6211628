# Write flow control on a pipe: 1 MiB written while nobody reads is more than the
# high-water mark (64 KiB): pause_writing() is called inside write(); once the reader has
# taken everything, resume_writing(). drain() on a StreamWriter waits for exactly that.
import asyncio
import os


class WriteSide(asyncio.streams.FlowControlMixin):
    def pause_writing(self):
        print("pause_writing")
        super().pause_writing()

    def resume_writing(self):
        print("resume_writing")
        super().resume_writing()


async def main():
    loop = asyncio.get_running_loop()
    r, w = os.pipe()
    reader = asyncio.StreamReader()
    await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), os.fdopen(r, "rb", 0))
    transport, protocol = await loop.connect_write_pipe(WriteSide, os.fdopen(w, "wb", 0))
    writer = asyncio.StreamWriter(transport, protocol, None, loop)
    print("before write")
    writer.write(b"z" * (1 << 20))
    print("after write: buffered", transport.get_write_buffer_size() > 0)
    drained = asyncio.create_task(writer.drain())
    await asyncio.sleep(0)
    print("drain waiting", not drained.done())
    data = await reader.readexactly(1 << 20)
    await drained
    print("read", len(data), "buffer", transport.get_write_buffer_size())
    writer.close()
    print("end", await reader.read())


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
loop.run_until_complete(main())
loop.close()
