# Server.close_clients() and abort_clients() (3.13): after close() the server stops
# listening but its connections stay; close_clients() closes every accepted transport (the
# clients read what was written before, then EOF), and wait_closed() returns once they are
# gone; abort_clients() ends them at once (the client sees the connection end: EOF or a
# reset, printed alike). Handlers blocked in read() see EOF.
import asyncio


async def main():
    seen = []

    async def handle(reader, writer):
        writer.write(b"welcome\n")
        await writer.drain()
        data = await reader.read()
        seen.append(data)

    for how in ["close_clients", "abort_clients"]:
        print(how + ":")
        server = await asyncio.start_server(handle, "127.0.0.1", 0)
        port = server.sockets[0].getsockname()[1]
        clients = [await asyncio.open_connection("127.0.0.1", port) for _ in range(3)]
        for r, w in clients:
            print("  client got", await r.readline())
        server.close()
        print("  closed; is_serving", server.is_serving())
        waiter = asyncio.create_task(server.wait_closed())
        await asyncio.sleep(0.05)
        print("  wait_closed done with clients connected:", waiter.done())
        getattr(server, how)()
        for r, w in clients:
            try:
                rest = await r.read()
                print("  client reads", rest, "at_eof", r.at_eof())
            except ConnectionResetError:
                print("  client reads", b"", "at_eof", True)
            w.close()
            try:
                await w.wait_closed()
            except ConnectionResetError:
                pass
        await waiter
        print("  wait_closed returned; handlers saw", seen)
        seen.clear()
        await asyncio.sleep(0.05)


asyncio.run(main())
