# wait_for around a read on a silent connection: TimeoutError, and the reader is left
# usable; a second read that starts while one waits raises RuntimeError; a cancelled
# readline leaves whatever bytes it had for the next readline.
import asyncio


async def main():
    async def handle(reader, writer):
        await reader.readline()           # silent until the client says something
        writer.write(b"pong\n")
        await reader.readline()
        writer.write(b"second ")
        await reader.readline()
        writer.write(b"line\n")
        await reader.read()
        writer.close()
        await writer.wait_closed()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        await asyncio.wait_for(reader.readline(), 0.05)
    except TimeoutError as e:
        print("readline timed out:", type(e).__name__)
    writer.write(b"ping\n")
    print("then readline:", await reader.readline())

    first = loop.create_task(reader.read(100))
    await asyncio.sleep(0)
    try:
        await reader.read(100)
    except RuntimeError as e:
        print("RuntimeError:", e)
    first.cancel()
    try:
        await first
    except asyncio.CancelledError:
        print("first read cancelled")

    partial = loop.create_task(reader.readline())
    await asyncio.sleep(0)
    writer.write(b"go\n")                 # the server sends half a line
    partial.cancel()
    try:
        await partial
    except asyncio.CancelledError:
        print("readline cancelled")
    writer.write(b"go on\n")              # and the rest
    print("next readline:", await reader.readline())
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
loop.run_until_complete(main())
loop.close()
