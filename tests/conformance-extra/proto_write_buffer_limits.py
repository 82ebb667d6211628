# A transport's write-buffer marks: (low, high) defaults to (16384, 65536); high alone
# makes low a quarter of it, low alone makes high four times it; high < low is a
# ValueError that leaves the marks as they were; the buffer starts empty.
import asyncio


async def main():
    server = await loop.create_server(asyncio.Protocol, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    transport, _ = await loop.create_connection(asyncio.Protocol, "127.0.0.1", port)
    print("defaults", transport.get_write_buffer_limits())
    print("size", transport.get_write_buffer_size())
    transport.set_write_buffer_limits(high=100)
    print("high=100", transport.get_write_buffer_limits())
    transport.set_write_buffer_limits(low=10)
    print("low=10", transport.get_write_buffer_limits())
    transport.set_write_buffer_limits(high=8, low=3)
    print("high=8 low=3", transport.get_write_buffer_limits())
    transport.set_write_buffer_limits(0)
    print("high=0", transport.get_write_buffer_limits())
    try:
        transport.set_write_buffer_limits(high=10, low=20)
    except ValueError as e:
        print("ValueError:", e)
    print("kept", transport.get_write_buffer_limits())
    transport.set_write_buffer_limits()
    print("back to defaults", transport.get_write_buffer_limits())
    transport.close()
    server.close()
    await server.wait_closed()


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
loop.run_until_complete(main())
loop.close()
