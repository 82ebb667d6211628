# Server.wait_closed() (3.12.1) called before close(): it waits for close() and then for
# every connection to go. Two protocol clients are connected; the server closes (is_serving
# False, sockets empty) while both still talk; wait_closed() returns only after the second
# one leaves. Then `async with server` of a start_server server: leaving the block with a
# client connected waits (close + wait_closed) until the client has gone.
import asyncio


class Echo(asyncio.Protocol):
    def connection_made(self, transport):
        self.transport = transport

    def data_received(self, data):
        self.transport.write(data.upper())


async def main():
    loop = asyncio.get_running_loop()
    server = await loop.create_server(Echo, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    waiter = asyncio.create_task(server.wait_closed())
    clients = [await asyncio.open_connection("127.0.0.1", port) for _ in range(2)]
    await asyncio.sleep(0.05)
    print("before close: wait_closed done", waiter.done())
    server.close()
    print("closed: is_serving", server.is_serving(), "sockets", len(server.sockets))
    for i, (r, w) in enumerate(clients):
        w.write(b"client %d\n" % i)
        print("echo", await r.readline())
    print("clients still connected: wait_closed done", waiter.done())
    for i, (r, w) in enumerate(clients):
        w.close()
        await w.wait_closed()
        # after the last client the server needs a few loop iterations to notice: wait for it
        await asyncio.wait({waiter}, timeout=5 if i == len(clients) - 1 else 0.05)
        print("client", i, "left: wait_closed done", waiter.done())
    await waiter

    async def handle(reader, writer):
        data = await reader.read()
        print("handler got", data)
        writer.close()
        await writer.wait_closed()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    r, w = await asyncio.open_connection("127.0.0.1", port)

    async def leave_later():
        await asyncio.sleep(0.1)
        print("client writes and leaves")
        w.write(b"bye")
        w.close()
        await w.wait_closed()

    leaver = asyncio.create_task(leave_later())
    async with server:
        print("in async with: serving", server.is_serving())
    print("left async with after the client left:", leaver.done(), "serving", server.is_serving())


asyncio.run(main())
