# loop.subprocess_exec with a SubprocessProtocol: connection_made first, then per pipe its
# data and then its pipe_connection_lost, process_exited, and connection_lost last; the
# transport's pid, returncode and pipe transports. (Across pipes the order is the host's:
# only each pipe's own order is printed.)
import asyncio


class Recorder(asyncio.SubprocessProtocol):
    def __init__(self, done):
        self.done = done
        self.events = []
        self.data = {1: b"", 2: b""}

    def connection_made(self, transport):
        self.events.append(("connection_made",))

    def pipe_data_received(self, fd, data):
        self.data[fd] += data
        if ("data", fd) not in self.events:
            self.events.append(("data", fd))

    def pipe_connection_lost(self, fd, exc):
        self.events.append(("pipe_connection_lost", fd, exc))

    def process_exited(self):
        self.events.append(("process_exited",))

    def connection_lost(self, exc):
        self.events.append(("connection_lost", exc))
        self.done.set_result(None)


async def main():
    loop = asyncio.get_running_loop()
    done = loop.create_future()
    transport, protocol = await loop.subprocess_exec(
        lambda: Recorder(done), "sh", "-c", "echo out; echo err >&2; exit 7", stdin=None)
    print("pid is an int:", isinstance(transport.get_pid(), int))
    print("pipe transports:", transport.get_pipe_transport(0), transport.get_pipe_transport(1) is not None,
          transport.get_pipe_transport(2) is not None)
    await done
    ev = protocol.events
    print("first", ev[0], "last", ev[-1])
    for fd in (1, 2):
        print("fd", fd, [e[0] for e in ev if len(e) > 1 and e[1] == fd], protocol.data[fd])
    print("process_exited before connection_lost:", ev.index(("process_exited",)) < len(ev) - 1)
    print("returncode", transport.get_returncode(), "is_closing", transport.is_closing())
    transport.close()
    print("closed", transport.is_closing())


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
loop.run_until_complete(main())
loop.close()
