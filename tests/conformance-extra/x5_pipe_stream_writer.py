# Streams over both ends of one pipe, as asyncio users wire them by hand: the write end through
# connect_write_pipe(FlowControlMixin) and a StreamWriter(transport, protocol, None, loop),
# the read end through connect_read_pipe(StreamReaderProtocol(reader)). Lines written and
# drained come out of readline() in order; a large write is drained while a task reads it;
# close() on the writer ends the pipe (once the buffer is through), so the reader reads
# EOF. (Not wait_closed(): FlowControlMixin has no close waiter; asyncio raises
# NotImplementedError.)
# (In JavaScript the pipe is a TransformStream: its writable end is os.pipe()'s w, its
# readable end r.)
import asyncio
import os


async def main():
    loop = asyncio.get_running_loop()
    r, w = os.pipe()
    reader = asyncio.StreamReader()
    await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), os.fdopen(r, "rb", 0))
    transport, protocol = await loop.connect_write_pipe(asyncio.streams.FlowControlMixin, os.fdopen(w, "wb", 0))
    writer = asyncio.StreamWriter(transport, protocol, None, loop)
    print("can_write_eof", writer.can_write_eof(), "is_closing", writer.is_closing())

    for line in [b"alpha\n", b"beta\n", b"gamma\n"]:
        writer.write(line)
        await writer.drain()
        print("read back", await reader.readline())

    big = b"0123456789" * 50000
    reading = asyncio.create_task(reader.readexactly(len(big)))
    writer.write(big)
    await writer.drain()
    got = await reading
    print("big write read back whole:", got == big, len(got))

    writer.write(b"last line\n")
    writer.close()
    print("is_closing after close", writer.is_closing())
    print("read", await reader.readline(), "then", await reader.read(), "at_eof", reader.at_eof())


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
loop.run_until_complete(main())
loop.close()
