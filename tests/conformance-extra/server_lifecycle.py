# A Server's life: serving with one listening socket on 127.0.0.1 right after
# start_server, get_loop(); close() stops serving and empties sockets; close() again is a
# no-op; wait_closed() returns (twice); a new connection is refused; serve_forever() on a
# closed server is a RuntimeError naming it.
import asyncio


async def main():
    server = await asyncio.start_server(lambda r, w: None, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    print("is_serving", server.is_serving(), "sockets", len(server.sockets), "host", server.sockets[0].getsockname()[0])
    print("get_loop is loop", server.get_loop() is loop)
    server.close()
    print("after close: is_serving", server.is_serving(), "sockets", len(server.sockets))
    server.close()
    await server.wait_closed()
    await server.wait_closed()
    print("wait_closed returned")
    try:
        await asyncio.open_connection("127.0.0.1", port)
    except ConnectionRefusedError as e:
        print("connect after close:", type(e).__name__)
    try:
        await server.serve_forever()
    except RuntimeError as e:
        print("RuntimeError:", e)


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
loop.run_until_complete(main())
loop.close()
