# create_server(start_serving=False): not serving until start_serving(), which returns
# after one iteration; calling it again changes nothing; then clients are served.
import asyncio


class Echo(asyncio.Protocol):
    def connection_made(self, transport):
        self.transport = transport

    def data_received(self, data):
        self.transport.write(data)


async def main():
    server = await loop.create_server(Echo, "127.0.0.1", 0, start_serving=False)
    port = server.sockets[0].getsockname()[1]
    print("created: is_serving", server.is_serving(), "sockets", len(server.sockets))
    await server.start_serving()
    await server.start_serving()
    print("started: is_serving", server.is_serving())
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(b"echo me")
    print("echo", await reader.readexactly(7))
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()
    print("closed: is_serving", server.is_serving())


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
loop.run_until_complete(main())
loop.close()
