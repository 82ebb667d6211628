# A client_connected_cb coroutine that raises: the loop's exception handler gets "Unhandled
# exception in client_connected_cb" with the exception and the transport, the connection
# is closed (the client reads EOF), and the server goes on serving the next client.
import asyncio


async def main():
    def handler(loop, context):
        print("exception handler:", context["message"], "|", type(context["exception"]).__name__,
              context["exception"], "| transport given:", context.get("transport") is not None)

    loop.set_exception_handler(handler)

    async def handle(reader, writer):
        line = await reader.readline()
        if line == b"bad\n":
            raise ValueError("bad request")
        writer.write(b"fine\n")
        await writer.drain()
        writer.close()
        await writer.wait_closed()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    for msg in [b"bad\n", b"good\n"]:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(msg)
        print("client sent", msg, "got", await reader.read())
        writer.close()
        await writer.wait_closed()
    server.close()
    await server.wait_closed()
    print("done")


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
loop.run_until_complete(main())
loop.close()
