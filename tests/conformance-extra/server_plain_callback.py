# start_server with a plain function (not a coroutine) as client_connected_cb: it is called
# once per connection with the reader and writer, in connection_made, and no task is made
# for it; it may write and close at once.
import asyncio


async def main():
    calls = []

    def handle(reader, writer):
        calls.append(type(reader).__name__ + "/" + type(writer).__name__)
        writer.write(b"served by a plain function\n")
        writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    tasks_before = len(asyncio.all_tasks())
    for _ in range(2):
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        print(await reader.readline(), "then", await reader.read())
        writer.close()
        await writer.wait_closed()
    print("calls", calls)
    print("tasks now", len(asyncio.all_tasks()) - tasks_before)
    server.close()
    await server.wait_closed()


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
loop.run_until_complete(main())
loop.close()
