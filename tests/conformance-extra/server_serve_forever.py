# serve_forever() in a task: it serves, a second serve_forever() is a RuntimeError, and
# cancelling the task closes the server (is_serving False, no sockets) and ends the task
# cancelled; server.close() also ends a serve_forever().
import asyncio


async def main():
    async def handle(reader, writer):
        writer.write(await reader.readline())
        writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0, start_serving=False)
    port = server.sockets[0].getsockname()[1]
    task = loop.create_task(server.serve_forever())
    await asyncio.sleep(0)
    print("serving", server.is_serving())
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(b"hi\n")
    print("echo", await reader.readline())
    writer.close()
    await writer.wait_closed()
    try:
        await server.serve_forever()
    except RuntimeError:
        print("second serve_forever: RuntimeError")
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("task cancelled:", task.cancelled())
    print("after cancel: serving", server.is_serving(), "sockets", len(server.sockets))

    server2 = await asyncio.start_server(handle, "127.0.0.1", 0)
    task2 = loop.create_task(server2.serve_forever())
    await asyncio.sleep(0)
    server2.close()
    try:
        await task2
    except asyncio.CancelledError:
        print("close() ended serve_forever: cancelled", task2.cancelled())


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
loop.run_until_complete(main())
loop.close()
