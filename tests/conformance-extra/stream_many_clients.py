# Twenty clients at once against one start_server: each sends its number, the handler
# answers with the number doubled; gather keeps the clients' order; the server ran one
# handler per client and wait_closed returns once every connection is gone.
import asyncio


async def main():
    handled = []

    async def handle(reader, writer):
        n = int(await reader.readline())
        handled.append(n)
        writer.write(b"%d\n" % (2 * n))
        await writer.drain()
        writer.close()
        await writer.wait_closed()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]

    async def client(i):
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(b"%d\n" % i)
        answer = int(await reader.readline())
        at_eof = (await reader.read()) == b""
        writer.close()
        await writer.wait_closed()
        return answer, at_eof

    results = await asyncio.gather(*(client(i) for i in range(20)))
    print("answers", [a for a, _ in results])
    print("all saw EOF", all(e for _, e in results))
    print("handled", sorted(handled) == list(range(20)), len(handled))
    server.close()
    await server.wait_closed()
    print("closed")


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
loop.run_until_complete(main())
loop.close()
