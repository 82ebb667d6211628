// One I/O benchmark implementation in a process of its own (bench/io/run.mjs starts it):
// an echo server and its client(s) in this process, on 127.0.0.1, port 0.
//
//   node bench/io/worker.mjs <impl> <workload> <json params>
//
// impl: wasmloop-streams | wasmloop-protocol | node-net
// workload:
//   echo   one client sends `bytes` in `chunk`-byte writes (with back-pressure) through an
//          echo server and reads every byte back; the value is MB/s echoed (10⁶ bytes)
//   conns  `conns` connections, `concurrency` at a time: connect, send `msg` bytes, read them
//          back, the server closes, the client closes; the value is connections per second
// A warm-up run, then `reps` timed runs; prints { impl, workload, runs: [...], median } as JSON.
import net from "node:net";
import { performance } from "node:perf_hooks";
import { EventLoop, gather, openConnection, startServer } from "../../dist/index.js";

const [impl, workload, paramsJson] = process.argv.slice(2);
const P = JSON.parse(paramsJson);

// ---- wasmloop, streams (asyncio's start_server / open_connection)

function* streamsEchoServer() {
  return yield* startServer(function* (r, w) {
    for (;;) {
      const data = yield* r.read(P.chunk);
      if (data.length === 0) break;
      w.write(data);
      yield* w.drain();
    }
    w.close();
  }, "127.0.0.1", 0);
}

function* streamsEcho(loop, port) {
  const [reader, writer] = yield* openConnection("127.0.0.1", port);
  const chunk = new Uint8Array(P.chunk).fill(120);
  const send = loop.createTask(
    (function* () {
      for (let sent = 0; sent < P.bytes; sent += P.chunk) {
        writer.write(chunk);
        yield* writer.drain();
      }
    })(),
  );
  let got = 0;
  while (got < P.bytes) {
    const data = yield* reader.read(P.chunk);
    if (data.length === 0) throw new Error("echo ended early");
    got += data.length;
  }
  yield* send;
  writer.close();
  yield* writer.waitClosed();
  return got;
}

function* streamsConnServer() {
  return yield* startServer(function* (r, w) {
    w.write(yield* r.readexactly(P.msg));
    w.close();
  }, "127.0.0.1", 0, { backlog: 1024 });
}

function* streamsConns(loop, port) {
  const msg = new Uint8Array(P.msg).fill(97);
  let done = 0;
  function* worker() {
    while (done < P.conns) {
      done++;
      const [reader, writer] = yield* openConnection("127.0.0.1", port);
      writer.write(msg);
      const back = yield* reader.readexactly(P.msg);
      if (back.length !== P.msg) throw new Error("short echo");
      writer.close();
      yield* writer.waitClosed();
    }
  }
  yield* gather(...Array.from({ length: P.concurrency }, () => loop.createTask(worker())));
  return done;
}

// ---- wasmloop, protocols (asyncio's create_server / create_connection)

class EchoProtocol {
  connectionMade(t) {
    this.t = t;
  }
  dataReceived(d) {
    this.t.write(d);
  }
  pauseWriting() {
    this.t.pauseReading();
  }
  resumeWriting() {
    this.t.resumeReading();
  }
}

function* protocolEcho(loop, port) {
  const done = loop.createFuture();
  const chunk = new Uint8Array(P.chunk).fill(120);
  let sent = 0;
  let got = 0;
  let paused = false;
  const client = {
    connectionMade(t) {
      this.t = t;
      this.pump();
    },
    pump() {
      while (!paused && sent < P.bytes) {
        this.t.write(chunk);
        sent += P.chunk;
      }
    },
    pauseWriting() {
      paused = true;
    },
    resumeWriting() {
      paused = false;
      this.pump();
    },
    dataReceived(d) {
      got += d.length;
      if (got >= P.bytes) {
        this.t.close();
        done.setResult(got);
      }
    },
  };
  yield* loop.createConnection(() => client, "127.0.0.1", port);
  return yield* done;
}

class ConnServerProtocol {
  n = 0;
  connectionMade(t) {
    this.t = t;
  }
  dataReceived(d) {
    this.t.write(d);
    this.n += d.length;
    if (this.n >= P.msg) this.t.close();
  }
}

function* protocolConns(loop, port) {
  const msg = new Uint8Array(P.msg).fill(97);
  let done = 0;
  function* worker() {
    while (done < P.conns) {
      done++;
      const lost = loop.createFuture();
      let n = 0;
      yield* loop.createConnection(
        () => ({
          connectionMade: (t) => t.write(msg),
          dataReceived: (d) => (n += d.length),
          connectionLost: () => lost.setResult(n),
        }),
        "127.0.0.1",
        port,
      );
      if ((yield* lost) !== P.msg) throw new Error("short echo");
    }
  }
  yield* gather(...Array.from({ length: P.concurrency }, () => loop.createTask(worker())));
  return done;
}

// ---- Node's own net, the way a Node program writes it (back-pressure by write()/'drain')

function nodeServer(onConn) {
  return new Promise((resolve) => {
    const server = net.createServer({ noDelay: true }, onConn);
    server.listen({ host: "127.0.0.1", port: 0, backlog: 1024 }, () => resolve(server));
  });
}

const nodeEchoConn = (sock) => {
  sock.on("data", (d) => {
    if (!sock.write(d)) {
      sock.pause();
      sock.once("drain", () => sock.resume());
    }
  });
  sock.on("end", () => sock.end());
};

function nodeEcho(port) {
  return new Promise((resolve, reject) => {
    const sock = net.connect({ host: "127.0.0.1", port, noDelay: true });
    const chunk = Buffer.alloc(P.chunk, 120);
    let sent = 0;
    let got = 0;
    const pump = () => {
      while (sent < P.bytes) {
        sent += P.chunk;
        if (!sock.write(chunk)) {
          sock.once("drain", pump);
          return;
        }
      }
    };
    sock.on("connect", pump);
    sock.on("data", (d) => {
      got += d.length;
      if (got >= P.bytes) {
        sock.destroy();
        resolve(got);
      }
    });
    sock.on("error", reject);
  });
}

const nodeConnServerConn = (sock) => {
  let n = 0;
  sock.on("data", (d) => {
    n += d.length;
    sock.write(d);
    if (n >= P.msg) sock.end();
  });
  sock.on("error", () => {});
};

function nodeConns(port) {
  const msg = Buffer.alloc(P.msg, 97);
  let done = 0;
  const one = () =>
    new Promise((resolve, reject) => {
      const sock = net.connect({ host: "127.0.0.1", port, noDelay: true });
      let n = 0;
      sock.on("connect", () => sock.write(msg));
      sock.on("data", (d) => (n += d.length));
      sock.on("end", () => {
        sock.end();
        if (n !== P.msg) reject(new Error("short echo"));
      });
      sock.on("close", () => resolve());
      sock.on("error", reject);
    });
  const worker = async () => {
    while (done < P.conns) {
      done++;
      await one();
    }
  };
  return Promise.all(Array.from({ length: P.concurrency }, worker)).then(() => done);
}

// ---- one timed run

async function once() {
  if (impl === "node-net") {
    const server = await nodeServer(workload === "echo" ? nodeEchoConn : nodeConnServerConn);
    const port = server.address().port;
    const t0 = performance.now();
    const n = workload === "echo" ? await nodeEcho(port) : await nodeConns(port);
    const dt = (performance.now() - t0) / 1000;
    server.close();
    return workload === "echo" ? n / dt / 1e6 : n / dt;
  }
  const loop = new EventLoop();
  const streams = impl === "wasmloop-streams";
  const value = await loop.runUntilComplete(
    (function* () {
      let server;
      if (workload === "echo") {
        server = streams ? yield* streamsEchoServer() : yield* loop.createServer(() => new EchoProtocol(), "127.0.0.1", 0);
      } else {
        server = streams
          ? yield* streamsConnServer()
          : yield* loop.createServer(() => new ConnServerProtocol(), "127.0.0.1", 0, { backlog: 1024 });
      }
      const port = server.sockets[0].port;
      const t0 = performance.now();
      const n =
        workload === "echo"
          ? streams ? yield* streamsEcho(loop, port) : yield* protocolEcho(loop, port)
          : streams ? yield* streamsConns(loop, port) : yield* protocolConns(loop, port);
      const dt = (performance.now() - t0) / 1000;
      server.close();
      return workload === "echo" ? n / dt / 1e6 : n / dt;
    })(),
  );
  loop.close();
  return value;
}

const runs = [];
for (let r = -1; r < P.reps; r++) {
  const v = await once();
  if (r >= 0) runs.push(v);
  process.stderr.write(`  ${impl} ${workload}: ${v.toFixed(0)}${r < 0 ? " (warm-up)" : ""}\n`);
}
const sorted = [...runs].sort((a, b) => a - b);
process.stdout.write(JSON.stringify({ impl, workload, runs, median: sorted[Math.floor(sorted.length / 2)] }) + "\n");
