# writelines() sends the pieces in order (empty ones included); get_extra_info: the
# client's sockname is the server side's peername and the client's peername is the server's
# address; unknown names give None or the default; "socket" is there, "sslcontext" is None.
import asyncio


async def main():
    seen = loop.create_future()

    async def handle(reader, writer):
        line = await reader.readline()
        seen.set_result((line, writer.get_extra_info("peername"), writer.get_extra_info("sockname")))
        writer.close()
        await writer.wait_closed()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    host, port = server.sockets[0].getsockname()[:2]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.writelines([b"a", b"bc", b"", b"def\n"])
    line, server_peer, server_sock = await seen
    print("server read", line)
    print("client sockname == server peername:", writer.get_extra_info("sockname") == server_peer)
    print("client peername == server sockname:", writer.get_extra_info("peername") == server_sock)
    print("peername host", writer.get_extra_info("peername")[0], "port matches", writer.get_extra_info("peername")[1] == port)
    print("server listens on", host)
    print("unknown:", writer.get_extra_info("no such thing"), writer.get_extra_info("no such thing", "dflt"))
    print("socket given:", writer.get_extra_info("socket") is not None, "sslcontext:", writer.get_extra_info("sslcontext"))
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
loop.run_until_complete(main())
loop.close()
