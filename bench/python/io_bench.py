# The I/O benchmark (bench/io/run.mjs) for CPython's asyncio streams and for uvloop's: the
# same two workloads as bench/io/worker.mjs, written the way asyncio code is written.
#
#   python3 bench/python/io_bench.py <asyncio|uvloop> <echo|conns> '<json params>'
#
# Prints { impl, workload, runs, median } as JSON (MB/s for echo, connections/s for conns).
import asyncio
import json
import sys
import time

impl, workload, params = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
CHUNK, BYTES, MSG = params["chunk"], params["bytes"], params["msg"]
CONNS, CONCURRENCY, REPS = params["conns"], params["concurrency"], params["reps"]

if impl == "uvloop":
    import uvloop

    new_loop = uvloop.new_event_loop
else:
    new_loop = asyncio.new_event_loop


async def echo_handler(reader, writer):
    while True:
        data = await reader.read(CHUNK)
        if not data:
            break
        writer.write(data)
        await writer.drain()
    writer.close()


async def echo(port):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    chunk = b"x" * CHUNK

    async def send():
        sent = 0
        while sent < BYTES:
            writer.write(chunk)
            await writer.drain()
            sent += CHUNK

    sender = asyncio.get_running_loop().create_task(send())
    got = 0
    while got < BYTES:
        data = await reader.read(CHUNK)
        if not data:
            raise RuntimeError("echo ended early")
        got += len(data)
    await sender
    writer.close()
    await writer.wait_closed()
    return got


async def conn_handler(reader, writer):
    writer.write(await reader.readexactly(MSG))
    writer.close()


async def conns(port):
    msg = b"a" * MSG
    done = 0

    async def worker():
        nonlocal done
        while done < CONNS:
            done += 1
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
            writer.write(msg)
            if len(await reader.readexactly(MSG)) != MSG:
                raise RuntimeError("short echo")
            writer.close()
            await writer.wait_closed()

    await asyncio.gather(*(worker() for _ in range(CONCURRENCY)))
    return done


async def once():
    handler = echo_handler if workload == "echo" else conn_handler
    server = await asyncio.start_server(handler, "127.0.0.1", 0, backlog=1024)
    port = server.sockets[0].getsockname()[1]
    t0 = time.perf_counter()
    n = await (echo(port) if workload == "echo" else conns(port))
    dt = time.perf_counter() - t0
    server.close()
    return n / dt / 1e6 if workload == "echo" else n / dt


runs = []
for r in range(-1, REPS):
    loop = new_loop()
    v = loop.run_until_complete(once())
    loop.close()
    if r >= 0:
        runs.append(v)
    print("  %s %s: %.0f%s" % (impl, workload, v, " (warm-up)" if r < 0 else ""), file=sys.stderr)
runs_sorted = sorted(runs)
print(json.dumps({"impl": impl, "workload": workload, "runs": runs, "median": runs_sorted[len(runs) // 2]}))
