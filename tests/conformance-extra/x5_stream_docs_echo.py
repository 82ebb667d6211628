# asyncio-stream.rst's TCP echo client and server, in one program: the server runs
# `async with server: await server.serve_forever()` in a task; the client sends a message,
# reads the echo, then reads EOF after the server closed (b'' and at_eof), and the
# serve_forever task is cancelled, which closes the server on the way out of `async with`.
# Addresses print without their ports.
import asyncio


async def handle_echo(reader, writer):
    data = await reader.read(100)
    message = data.decode()
    addr = writer.get_extra_info('peername')

    print(f"Received {message!r} from {addr[0]!r}")

    print(f"Send: {message!r}")
    writer.write(data)
    await writer.drain()

    print("Close the connection")
    writer.close()
    await writer.wait_closed()


async def tcp_echo_client(message, port):
    reader, writer = await asyncio.open_connection('127.0.0.1', port)

    print(f'Send: {message!r}')
    writer.write(message.encode())
    await writer.drain()

    data = await reader.read(100)
    print(f'Received: {data.decode()!r}')
    print('then', await reader.read(100), 'at_eof', reader.at_eof())

    print('Close the connection')
    writer.close()
    await writer.wait_closed()


async def serve(server):
    async with server:
        try:
            await server.serve_forever()
        except asyncio.CancelledError:
            print('serve_forever cancelled; is_serving', server.is_serving())
            raise


async def main():
    server = await asyncio.start_server(handle_echo, '127.0.0.1', 0)
    addrs = ', '.join(str(sock.getsockname()[0]) for sock in server.sockets)
    print(f'Serving on {addrs}')
    task = asyncio.create_task(serve(server))
    await asyncio.sleep(0)
    print('is_serving', server.is_serving())
    await tcp_echo_client('Hello World!', server.sockets[0].getsockname()[1])
    await tcp_echo_client('ünïcode ✓', server.sockets[0].getsockname()[1])
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print('server task cancelled; is_serving', server.is_serving())


asyncio.run(main())
