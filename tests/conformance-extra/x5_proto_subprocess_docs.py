# asyncio-protocol.rst's SubprocessProtocol example (DateProtocol): subprocess_exec with a
# protocol that collects stdout in pipe_data_received and resolves a future in
# process_exited; the transport is closed and the output decoded. The child is the
# interpreter itself printing a fixed line instead of the date; then the same protocol on a
# child that prints two lines and exits with 5; get_pipe_transport (None for stdin=None) and
# get_returncode once it exited (not before: a child that exits at once may already have been
# reported by the time subprocess_exec returns).
import asyncio
import sys


class DateProtocol(asyncio.SubprocessProtocol):
    def __init__(self, exit_future):
        self.exit_future = exit_future
        self.output = bytearray()
        self.pipe_closed = False
        self.exited = False

    def pipe_connection_lost(self, fd, exc):
        self.pipe_closed = True
        self.check_for_exit()

    def pipe_data_received(self, fd, data):
        self.output.extend(data)

    def process_exited(self):
        self.exited = True
        # process_exited() method can be called before
        # pipe_connection_lost() method: wait until both methods are
        # called.
        self.check_for_exit()

    def check_for_exit(self):
        if self.pipe_closed and self.exited:
            self.exit_future.set_result(True)


async def get_date(code):
    # Get a reference to the event loop as we plan to use
    # low-level APIs.
    loop = asyncio.get_running_loop()

    exit_future = asyncio.Future(loop=loop)

    # Create the subprocess controlled by DateProtocol;
    # redirect the standard output into a pipe.
    transport, protocol = await loop.subprocess_exec(
        lambda: DateProtocol(exit_future),
        sys.executable, '-c', code,
        stdin=None, stderr=None)
    print("stdin pipe", transport.get_pipe_transport(0), "stdout pipe is a transport",
          transport.get_pipe_transport(1) is not None)

    # Wait for the subprocess exit using the process_exited()
    # method of the protocol.
    await exit_future

    # Close the stdout pipe.
    rc = transport.get_returncode()
    transport.close()

    # Read the output which was collected by the
    # pipe_data_received() method of the protocol.
    data = bytes(protocol.output)
    return data.decode('ascii').rstrip(), rc


async def main():
    date, rc = await get_date('print("2024-01-01 00:00:00")')
    print(f"Current date: {date} (returncode {rc})")
    out, rc = await get_date('import sys; print("one"); print("two"); sys.exit(5)')
    print("output:", out.split("\n"), "returncode", rc)


asyncio.run(main())
