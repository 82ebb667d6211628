# A StreamReader over the reading end of a pipe (connect_read_pipe with a
# StreamReaderProtocol), as asyncio users read a pipe: lines, a last partial line, EOF.
# (In JavaScript the pipe is a TransformStream: its writable end is os.pipe()'s w, its
# readable end r.)
import asyncio
import os


async def main():
    loop = asyncio.get_running_loop()
    r, w = os.pipe()
    reader = asyncio.StreamReader()
    transport, protocol = await loop.connect_read_pipe(
        lambda: asyncio.StreamReaderProtocol(reader), os.fdopen(r, "rb", 0))
    print("is_reading", transport.is_reading(), "is_closing", transport.is_closing())
    os.write(w, b"first line\nsecond line\npartial")
    os.close(w)
    print(await reader.readline())
    print(await reader.readline())
    print(await reader.readline())
    print(await reader.readline(), "at_eof", reader.at_eof())
    print("is_reading", transport.is_reading(), "is_closing", transport.is_closing())


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
loop.run_until_complete(main())
loop.close()
