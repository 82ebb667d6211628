// The check body every runtime of the matrix runs, unchanged: it receives the package's
// namespace (however the runtime loaded it) and returns one { name, ok, detail } per check.
// Plain ESM with no imports, so Node, Deno, Bun, Chromium, workerd and an SES compartment
// can all load it. Real-clock checks measure with the loop's own time(), as a user would.

/**
 * @param api the wasmloop namespace
 * @param options.blocking whether this host lets `runUntilCompleteSync` block the thread on a
 *   real clock (Atomics.wait): true in Node, Deno, Bun, SES on Node and a cross-origin-isolated
 *   browser worker; false on a browser's main thread and in Workers
 * @param options.host host capabilities for loops (an SES compartment without the globals)
 * @param options.threads whether the executor can run calls in workers here: true in Node, Deno,
 *   Bun, Chromium (page and worker) and an SES compartment lent a `host.worker`; false in
 *   Workers and a bare SES compartment, where it must refuse with NotImplementedError
 * @param options.subprocesses "yes" where child processes can be started (Node, Bun, Deno
 *   with --allow-run), "denied" where the runtime has them but refuses (Deno without
 *   --allow-run: PermissionError), "none" where there are none (Chromium, workerd, SES:
 *   NotImplementedError)
 * @param options.TransformStream the Web Streams class for the pipe check, where the global
 *   object has none (an SES compartment endowed with nothing but WebAssembly)
 * @param options.net what sockets do here (absent: not checked; Node, Deno and Bun have their
 *   own I/O rows, io-check.mjs):
 *   `{ refused: "Chromium" }` — none: openConnection, startServer, createConnection and
 *     createServer refuse with NotImplementedError naming that runtime and the facility;
 *   `{ runtime, echoPort, tlsEchoPort?, connect?, setConnect? }` — client connections only,
 *     through a `connect` of cloudflare:sockets' shape (`connect` given: as the loops'
 *     `host.connect`; `setConnect`: also once through the package's setConnect): a line
 *     echoed by the server on 127.0.0.1:echoPort (and over TLS on tlsEchoPort, whose
 *     certificate the runtime trusts), the same on a virtual clock (at time 0, and a sleep
 *     beside the open connection ends at its deadline), and servers refused naming the runtime
 */
export async function runChecks(api, options = {}) {
  const { EventLoop, sleep, gather, CancelledError, RuntimeError, toThread } = api;
  const { host, blocking, threads, net } = options;
  if (typeof blocking !== "boolean") throw new TypeError("runChecks: options.blocking must be a boolean");
  if (typeof threads !== "boolean") throw new TypeError("runChecks: options.threads must be a boolean");
  const { subprocesses } = options;
  if (!["yes", "denied", "none"].includes(subprocesses)) throw new TypeError('runChecks: options.subprocesses must be "yes", "denied" or "none"');
  const virtual = () => new EventLoop(host ? { clock: "virtual", host } : { clock: "virtual" });
  const results = [];
  const check = async (name, fn) => {
    try {
      const detail = await fn();
      results.push({ name, ok: true, detail: detail ?? "" });
    } catch (e) {
      results.push({ name, ok: false, detail: String(e && e.stack ? e.stack : e) });
    }
  };
  const expectEqual = (actual, expected, what) => {
    const a = JSON.stringify(actual);
    const b = JSON.stringify(expected);
    if (a !== b) throw new Error(`${what}: expected ${b}, got ${a}`);
  };

  await check("virtual clock: sleep(3600) at once", () => {
    const loop = virtual();
    loop.runUntilCompleteSync(sleep(3600));
    expectEqual(loop.time(), 3600, "time()");
    loop.close();
  });

  await check("a loop made right after another closed runs on the memory it left", () => {
    function* tiny(i) {
      return i;
    }
    const first = virtual();
    let t;
    for (let i = 0; i < 5000; i++) t = first.createTask(tiny(i)); // grows its core and tables
    expectEqual(first.runUntilCompleteSync(t), 4999, "first loop's last task");
    first.callLater(1, () => {});
    first.close();
    const next = virtual(); // takes up the first loop's core and tables where WeakRef exists
    for (let i = 0; i < 5000; i++) t = next.createTask(tiny(i));
    expectEqual(first.nextWakeup(), Infinity, "the closed loop's next wakeup");
    expectEqual(next.runUntilCompleteSync(t), 4999, "next loop's last task");
    next.close();
    return typeof WeakRef === "function" ? "WeakRef: the closed loop's memory taken up" : "no WeakRef: a fresh core";
  });

  await check("real clock: await runUntilComplete(sleep(0.05))", async () => {
    const loop = new EventLoop(host ? { host } : {});
    const t0 = loop.time();
    await loop.runUntilComplete(sleep(0.05));
    const elapsed = loop.time() - t0;
    loop.close();
    if (!(elapsed >= 0.045)) throw new Error(`elapsed ${elapsed} s < 0.045 s`);
    return `elapsed ${(elapsed * 1000).toFixed(1)} ms`;
  });

  await check(
    blocking
      ? "real clock: runUntilCompleteSync(sleep(0.05)) blocks the thread"
      : "real clock: runUntilCompleteSync refuses to block (RuntimeError), the loop runs on",
    async () => {
      const loop = new EventLoop(host ? { host } : {});
      const t0 = loop.time();
      let refused = null;
      try {
        loop.runUntilCompleteSync(sleep(0.05));
      } catch (e) {
        if (!(e instanceof RuntimeError)) throw e;
        refused = e;
      }
      if (blocking) {
        if (refused) throw refused;
      } else {
        if (!refused) throw new Error("runUntilCompleteSync blocked on a host that should not allow it");
        await loop.runUntilComplete(sleep(0.05));
      }
      const elapsed = loop.time() - t0;
      loop.close();
      if (!(elapsed >= 0.045)) throw new Error(`elapsed ${elapsed} s < 0.045 s`);
      return `${refused ? `refused: ${refused.message.split(";")[0]}; then async ` : ""}elapsed ${(elapsed * 1000).toFixed(1)} ms`;
    },
  );

  await check("gather of tasks: results in input order", () => {
    const loop = virtual();
    function* work(name, d) {
      yield* sleep(d);
      return name;
    }
    const res = loop.runUntilCompleteSync(
      (function* () {
        return yield* gather(loop.createTask(work("a", 3)), loop.createTask(work("b", 1)), work("c", 2));
      })(),
    );
    expectEqual(res, ["a", "b", "c"], "results");
    expectEqual(loop.time(), 3, "time()");
    loop.close();
  });

  await check("cancellation: a sleeping task gets CancelledError and runs finally", () => {
    const loop = virtual();
    const seen = [];
    function* sleeper() {
      try {
        yield* sleep(10);
      } catch (e) {
        seen.push(e instanceof CancelledError ? `cancelled: ${e.message}` : `other: ${e}`);
        throw e;
      } finally {
        seen.push("finally");
      }
    }
    const t = loop.createTask(sleeper());
    loop.callLater(1, () => t.cancel("stop"));
    try {
      loop.runUntilCompleteSync(t);
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
    }
    expectEqual(seen, ["cancelled: stop", "finally"], "trace");
    expectEqual([t.cancelled(), loop.time()], [true, 1], "state");
    loop.close();
  });

  // four of the shared conformance scenarios, printing into an array
  await check("conformance: call_later_order", () => {
    const loop = virtual();
    const out = [];
    const T = () => loop.time().toFixed(3);
    const cb = (name) => out.push(`fire ${name} t=${T()}`);
    function* main() {
      for (const [name, d] of [["c", 0.3], ["a", 0.1], ["e", 0.5], ["b", 0.2], ["d", 0.4], ["late", 2.5], ["mid", 1.25], ["tiny", 0.001]]) {
        const h = loop.callLater(d, cb, name);
        out.push(`scheduled ${name} when=${h.when().toFixed(3)}`);
      }
      yield* sleep(3);
      out.push(`main done t=${T()}`);
    }
    loop.runUntilCompleteSync(main());
    loop.close();
    expectEqual(out.slice(8), [
      "fire tiny t=0.001", "fire a t=0.100", "fire b t=0.200", "fire c t=0.300", "fire d t=0.400",
      "fire e t=0.500", "fire mid t=1.250", "fire late t=2.500", "main done t=3.000",
    ], "trace");
  });

  await check("conformance: sleep0_round_robin", () => {
    const loop = virtual();
    const out = [];
    function* worker(name, n) {
      for (let i = 0; i < n; i++) {
        out.push(`${name} ${i}`);
        yield* sleep(0);
      }
      out.push(`${name} done`);
      return name;
    }
    function* main() {
      const ts = [["A", 3], ["B", 2], ["C", 4]].map(([n, k]) => loop.createTask(worker(n, k)));
      out.push("created");
      yield* sleep(0);
      out.push("main after one sleep(0)");
      const res = yield* gather(...ts);
      out.push(`results ${res.join(",")}`);
    }
    loop.runUntilCompleteSync(main());
    loop.close();
    expectEqual(out, [
      "created", "A 0", "B 0", "C 0", "main after one sleep(0)", "A 1", "B 1", "C 1", "A 2", "B done",
      "C 2", "A done", "C 3", "C done", "results A,B,C",
    ], "trace");
  });

  await check("conformance: task_cancel_sleeping", async () => {
    const loop = virtual();
    const out = [];
    const T = () => loop.time().toFixed(3);
    function* sleeper(name, d) {
      out.push(`${name} start ${T()}`);
      try {
        yield* sleep(d);
      } catch (e) {
        out.push(`${name} got ${e.name}${e.message ? ": " + e.message : ""} ${T()}`);
        throw e;
      } finally {
        out.push(`${name} finally ${T()}`);
      }
    }
    function* main() {
      const t = loop.createTask(sleeper("s1", 10));
      yield* sleep(1);
      out.push(`cancel returns ${t.cancel("stop now")}`);
      try {
        yield* t;
      } catch (e) {
        out.push(`main got ${e.name}: ${e.message} ${T()}`);
      }
      yield* sleep(10);
      out.push(`end ${T()}`);
    }
    await loop.runUntilComplete(main());
    loop.close();
    expectEqual(out, [
      "s1 start 0.000", "cancel returns true", "s1 got CancelledError: stop now 1.000", "s1 finally 1.000",
      "main got CancelledError: stop now 1.000", "end 11.000",
    ], "trace");
  });

  await check("conformance: exception_handler", () => {
    const loop = virtual();
    const out = [];
    const T = () => loop.time().toFixed(3);
    const B = (b) => (b ? "True" : "False");
    class ValueError extends Error {
      constructor(m) {
        super(m);
        this.name = "ValueError";
      }
    }
    function handler(lp, ctx) {
      const e = ctx.exception;
      out.push(`handler: ${e.name}: ${e.message} handle in context: ${B("handle" in ctx)} same loop: ${B(lp === loop)} t=${T()}`);
      if (ctx.message.startsWith("custom")) out.push(`handler message: ${ctx.message}`);
    }
    function bad(x) {
      out.push(`bad ${x}`);
      throw new ValueError(`bad ${x}`);
    }
    const good = (x) => out.push(`good ${x}`);
    function* main() {
      loop.callSoon(bad, 1);
      loop.callSoon(good, 2);
      loop.callLater(0.5, bad, 3);
      loop.callLater(1, good, 4);
      yield* sleep(2);
      loop.callExceptionHandler({ message: "custom report", exception: new ValueError("direct") });
      out.push(`main done ${T()}`);
    }
    loop.setExceptionHandler(handler);
    out.push(`handler set: ${B(loop.getExceptionHandler() === handler)}`);
    loop.runUntilCompleteSync(main());
    loop.setExceptionHandler(null);
    out.push(`handler reset: ${B(loop.getExceptionHandler() === null)}`);
    loop.close();
    expectEqual(out, [
      "handler set: True", "bad 1", "handler: ValueError: bad 1 handle in context: True same loop: True t=0.000",
      "good 2", "bad 3", "handler: ValueError: bad 3 handle in context: True same loop: True t=0.500", "good 4",
      "handler: ValueError: direct handle in context: False same loop: True t=2.000", "handler message: custom report",
      "main done 2.000", "handler reset: True",
    ], "trace");
  });

  await check("observability: a virtual-clock trace (tracks, slices, wake-ups) and a call graph", () => {
    const { formatCallGraph, traceToSvg } = api;
    const loop = virtual();
    let graph = "";
    function* leaf(d) {
      yield* sleep(d);
    }
    function* main() {
      const a = loop.createTask(leaf(1), { name: "a" });
      const b = loop.createTask(leaf(2), { name: "b" });
      loop.callSoon(() => (graph = formatCallGraph(a, { limit: 0 }).replace(/id=0x[0-9a-f]+/g, "id")));
      yield* gather(a, b);
    }
    loop.startTrace();
    loop.runUntilCompleteSync(loop.createTask(main(), { name: "main" }));
    const trace = JSON.parse(JSON.stringify(loop.stopTrace()));
    loop.close();
    const names = new Map(trace.traceEvents.filter((e) => e.name === "thread_name").map((e) => [e.tid, e.args.name]));
    const slices = (track) => trace.traceEvents.filter((e) => e.ph === "X" && names.get(e.tid) === track).map((e) => `${e.name}@${e.args.t}`);
    expectEqual([...names.values()], ["event loop", "main", "a", "b"], "tracks");
    expectEqual(slices("a"), ["step@0", "wakeup@1"], "task a's slices");
    expectEqual(slices("main"), ["step@0", "wakeup@2"], "main's slices");
    expectEqual(trace.traceEvents.filter((e) => e.ph === "f" && e.name === "wakeup").length, 3, "wake-up flows");
    expectEqual(graph, "* Task(name='a', id)\n  + Awaited by:\n    * Task(name='main', id)", "formatCallGraph");
    if (!traceToSvg(trace).startsWith("<svg")) throw new Error("traceToSvg: not an SVG");
  });

  await check("conformance: lock_fifo and queue_producer_consumer (locks, queues)", () => {
    const { Lock, Queue, asyncWith } = api;
    const loop = virtual();
    const out = [];
    const T = () => loop.time().toFixed(3);
    const B = (b) => (b ? "True" : "False");
    function* user(name, lock, hold) {
      out.push(`${name} wants ${T()} locked ${B(lock.locked())}`);
      yield* asyncWith(lock, function* () {
        out.push(`${name} got lock ${T()}`);
        yield* sleep(hold);
      });
      return name;
    }
    function* producer(q) {
      for (let i = 0; i < 3; i++) {
        yield* q.put(i);
        out.push(`put ${i} done ${T()} qsize ${q.qsize()}`);
      }
      yield* q.put(null);
    }
    function* consumer(q) {
      for (;;) {
        yield* sleep(0.5);
        const item = yield* q.get();
        out.push(`got ${item === null ? "None" : item} ${T()}`);
        if (item === null) return;
      }
    }
    function* main() {
      const lock = new Lock();
      yield* lock.acquire();
      const tasks = [];
      for (const [name, hold] of [["a", 1], ["b", 0.5], ["c", 0.25]]) {
        tasks.push(loop.createTask(user(name, lock, hold)));
        yield* sleep(0.125);
      }
      lock.release();
      out.push(`results ${(yield* gather(...tasks)).join(",")} ${T()}`);
      const q = new Queue(1);
      yield* gather(producer(q), consumer(q));
      out.push(`end ${T()}`);
    }
    loop.runUntilCompleteSync(main());
    loop.close();
    expectEqual(out, [
      "a wants 0.000 locked True", "b wants 0.125 locked True", "c wants 0.250 locked True", "a got lock 0.375",
      "b got lock 1.375", "c got lock 1.875", "results a,b,c 2.125", "put 0 done 2.125 qsize 1", "got 0 2.625",
      "put 1 done 2.625 qsize 1", "got 1 3.125", "put 2 done 3.125 qsize 1", "got 2 3.625", "got None 4.125", "end 4.125",
    ], "trace");
  });
  if (threads) {
    await check("executor: runInExecutor(null, fn) and toThread run in a worker; an exception keeps its class", async () => {
      const loop = new EventLoop(host ? { host } : {});
      function* main() {
        const product = yield* loop.runInExecutor(null, (a, b) => a * b, 6, 7);
        let err = null;
        try {
          yield* loop.runInExecutor(null, (x) => {
            throw new RangeError(`bad ${x}`);
          }, 1);
        } catch (e) {
          err = e;
        }
        // where the call ran: a worker's global object has no document and is not the caller's
        const inWorker = yield* toThread((marker) => globalThis[marker] === undefined && typeof document === "undefined", "__wasmloopCheckMarker");
        return [product, err instanceof RangeError ? `RangeError: ${err.message}` : String(err), inWorker];
      }
      globalThis.__wasmloopCheckMarker = true;
      let out;
      try {
        out = await loop.runUntilComplete(main());
      } finally {
        delete globalThis.__wasmloopCheckMarker;
      }
      await loop.runUntilComplete(loop.shutdownDefaultExecutor());
      loop.close();
      expectEqual(out, [42, "RangeError: bad 1", true], "results");
    });

    if (typeof SharedArrayBuffer === "function") {
      await check("executor: two calls run at the same time (they meet on a SharedArrayBuffer)", async () => {
        const pool = new api.ThreadPoolExecutor({ maxWorkers: 2, ...(host?.worker ? { worker: host.worker } : {}) });
        const loop = new EventLoop(host ? { host } : {});
        const sab = new SharedArrayBuffer(4);
        // each call counts itself, then waits for the other; alone, it gives up after 10 s
        const meet = (buf) => {
          const a = new Int32Array(buf);
          Atomics.add(a, 0, 1);
          Atomics.notify(a, 0);
          for (;;) {
            const n = Atomics.load(a, 0);
            if (n >= 2) return "met";
            if (Atomics.wait(a, 0, n, 10000) === "timed-out") return "alone";
          }
        };
        const out = await loop.runUntilComplete(gather(loop.runInExecutor(pool, meet, sab), loop.runInExecutor(pool, meet, sab)));
        await pool.shutdown();
        loop.close();
        expectEqual(out, ["met", "met"], "results");
      });
    }
  } else {
    await check("executor: runInExecutor refuses with NotImplementedError naming the runtime; the loop runs on", () => {
      const loop = virtual();
      let refused = null;
      try {
        loop.runInExecutor(null, () => 1);
      } catch (e) {
        if (!(e instanceof api.NotImplementedError)) throw e;
        refused = e;
      }
      if (refused === null) throw new Error("runInExecutor did not refuse");
      loop.runUntilCompleteSync(sleep(1));
      loop.close();
      return refused.message.split(";")[0];
    });
  }

  // pipes over Web Streams work everywhere; a TransformStream stands for os.pipe()
  await check("pipes over Web Streams: a StreamReader on connectReadPipe, connectWritePipe's writes and writeEof", async () => {
    const TS = options.TransformStream ?? globalThis.TransformStream;
    const loop = new EventLoop(host ? { host } : {});
    const { readable, writable } = new TS();
    const text = (u8) => String.fromCharCode(...u8);
    function* main() {
      const reader = new api.StreamReader(undefined, loop);
      yield* loop.connectReadPipe(() => new api.StreamReaderProtocol(reader, null, loop), readable);
      const [transport] = yield* loop.connectWritePipe(() => new api.BaseProtocol(), writable);
      transport.write("line one\n");
      transport.write("line two\n");
      transport.writeEof();
      const a = yield* reader.readline();
      const b = yield* reader.readline();
      const rest = yield* reader.read();
      return [text(a), text(b), rest.length, reader.atEof(), transport.isClosing()];
    }
    const out = await loop.runUntilComplete(main());
    loop.close();
    expectEqual(out, ["line one\n", "line two\n", 0, true, true], "results");
  });

  if (subprocesses === "yes") {
    await check("subprocess: communicate() with sh and cat, a missing program, kill() → -9", async () => {
      const { createSubprocessExec, PIPE } = api;
      const loop = new EventLoop(host ? { host } : {});
      const text = (u8) => String.fromCharCode(...u8);
      function* main() {
        const p = yield* createSubprocessExec("sh", "-c", "echo hi; echo err >&2; exit 3", { stdout: PIPE, stderr: PIPE });
        const [out, err] = yield* p.communicate();
        const c = yield* createSubprocessExec("cat", { stdin: PIPE, stdout: PIPE });
        const [echoed] = yield* c.communicate("round trip");
        let missing = null;
        try {
          yield* createSubprocessExec("wasmloop-no-such-program");
        } catch (e) {
          missing = e.name;
        }
        const k = yield* createSubprocessExec("sleep", "30");
        k.kill();
        return [text(out), text(err), p.returncode, text(echoed), missing, yield* k.wait()];
      }
      const out = await loop.runUntilComplete(main());
      loop.close();
      expectEqual(out, ["hi\n", "err\n", 3, "round trip", "FileNotFoundError", -9], "results");
    });
  } else {
    const want = subprocesses === "denied" ? "PermissionError" : "NotImplementedError";
    await check(`subprocess: refused with ${want} naming ${subprocesses === "denied" ? "--allow-run" : "the runtime"}; the loop runs on`, async () => {
      const loop = new EventLoop(host ? { host } : {});
      let refused = null;
      try {
        // NotImplementedError comes at the call, PermissionError once the spawn is tried
        await loop.runUntilComplete(api.createSubprocessExec("sh", "-c", "exit 0"));
      } catch (e) {
        if (!(e instanceof api[want])) throw e;
        refused = e;
      }
      if (refused === null) throw new Error("createSubprocessExec did not refuse");
      const named = subprocesses === "denied" ? /--allow-run/ : /subprocesses/;
      if (!named.test(refused.message)) throw new Error(`the message does not say why: ${refused.message}`);
      await loop.runUntilComplete(sleep(0.01));
      loop.close();
      return refused.message.split(";")[0];
    });
  }

  if (net?.refused) await netRefusedChecks(api, net.refused, host, check, expectEqual);
  else if (net) await netClientChecks(api, net, host, check, expectEqual);

  return results;
}

/** No sockets here: every network call refuses with NotImplementedError naming the runtime and the facility. */
async function netRefusedChecks(api, runtime, host, check, expectEqual) {
  const { EventLoop, NotImplementedError, openConnection, startServer } = api;
  await check(`sockets: openConnection, startServer, createConnection and createServer refuse, naming ${runtime}; the loop runs on`, () => {
    const loop = new EventLoop(host ? { clock: "virtual", host } : { clock: "virtual" });
    const messages = [];
    const calls = [
      ["openConnection", "TCP sockets", () => openConnection("127.0.0.1", 8888)],
      ["startServer", "TCP servers", () => startServer(() => {}, "127.0.0.1", 0)],
      ["createConnection", "TCP sockets", () => loop.createConnection(() => ({}), "127.0.0.1", 8888)],
      ["createServer", "TCP servers", () => loop.createServer(() => ({}), "127.0.0.1", 0)],
    ];
    for (const [name, facility, call] of calls) {
      let refused = null;
      try {
        loop.runUntilCompleteSync((function* () {
          return yield* call();
        })());
      } catch (e) {
        if (!(e instanceof NotImplementedError)) throw new Error(`${name}: ${e && e.name}: ${e && e.message}`);
        refused = e.message;
      }
      if (refused === null) throw new Error(`${name} did not refuse`);
      if (!refused.includes(runtime) || !refused.includes(facility)) throw new Error(`${name}: the message names no ${runtime} or ${facility}: ${refused}`);
      messages.push(refused);
    }
    expectEqual(loop.runUntilCompleteSync(api.sleep(1, "still running")), "still running", "after the refusals");
    loop.close();
    return messages[0];
  });
}

/** Client connections through a connect() of cloudflare:sockets' shape; no servers. */
async function netClientChecks(api, net, host, check, expectEqual) {
  const { EventLoop, NotImplementedError, openConnection, startServer, sleep } = api;
  // ASCII by hand: an SES compartment has no TextDecoder
  const text = (u8) => String.fromCharCode(...u8);
  const caps = net.connect ? { ...host, connect: net.connect } : host;
  const loopOptions = (more = {}) => (caps ? { ...more, host: caps } : more);
  function* echo(port, line, options) {
    const [reader, writer] = yield* openConnection("127.0.0.1", port, options);
    writer.write(line);
    const got = text(yield* reader.readline());
    writer.close();
    yield* writer.waitClosed();
    return got;
  }
  await check(`sockets: openConnection to a local echo server (${net.connect ? "host.connect" : "the runtime's connect"})`, async () => {
    const loop = new EventLoop(loopOptions());
    const got = await loop.runUntilComplete(echo(net.echoPort, "ping\n"));
    loop.close();
    expectEqual(got, "ping\n", "echo");
  });
  if (net.tlsEchoPort) {
    await check("sockets: openConnection with tls: true (secureTransport: on) to a local TLS echo server", async () => {
      const loop = new EventLoop(loopOptions());
      const got = await loop.runUntilComplete(echo(net.tlsEchoPort, "secret\n", { tls: true }));
      loop.close();
      expectEqual(got, "secret\n", "echo");
    });
  }
  // the echo server is another process's (or, for SES, the host's), whose reply no host turn
  // can promise to see in time: the clock has no timer to jump to while the echo is awaited
  await check(
    `sockets: on a virtual clock the echo arrives at time 0, then a sleep(1) beside the open connection ends at 1${net.setConnect ? " (connect given once with setConnect)" : ""}`,
    async () => {
      if (net.setConnect) api.setConnect(net.connect);
      const loop = new EventLoop(net.setConnect ? { clock: "virtual", ...(host ? { host } : {}) } : loopOptions({ clock: "virtual" }));
      try {
        const got = await loop.runUntilComplete((function* () {
          const [reader, writer] = yield* openConnection("127.0.0.1", net.echoPort);
          writer.write("virtual\n");
          const line = text(yield* reader.readline());
          const t0 = loop.time();
          yield* sleep(1);
          const t1 = loop.time();
          writer.close();
          yield* writer.waitClosed();
          return [line, t0, t1];
        })());
        expectEqual(got, ["virtual\n", 0, 1], "line and times");
      } finally {
        loop.close();
        if (net.setConnect) api.setConnect(null);
      }
    },
  );
  await check(`sockets: startServer and createServer refuse with NotImplementedError naming ${net.runtime} and servers`, async () => {
    const loop = new EventLoop(loopOptions({ clock: "virtual" }));
    const messages = [];
    for (const call of [() => startServer(() => {}, "127.0.0.1", 0), () => loop.createServer(() => ({}), "127.0.0.1", 0)]) {
      try {
        await loop.runUntilComplete(call());
        throw new Error("a server started");
      } catch (e) {
        if (!(e instanceof NotImplementedError) || !e.message.includes(net.runtime) || !e.message.includes("servers")) throw e;
        messages.push(e.message);
      }
    }
    loop.close();
    return messages[0];
  });
  await check("sockets: a TLS option connect() cannot honour (ca) is refused with NotImplementedError, not ignored", async () => {
    const loop = new EventLoop(loopOptions());
    try {
      await loop.runUntilComplete(openConnection("127.0.0.1", net.tlsEchoPort ?? net.echoPort, { tls: { ca: "x" } }));
      throw new Error("connected");
    } catch (e) {
      if (!(e instanceof NotImplementedError) || !e.message.includes("ca")) throw e;
      return e.message;
    } finally {
      loop.close();
    }
  });
}

/** One line per check, then `N passed, M failed`. */
export function report(results) {
  const lines = results.map((r) => `${r.ok ? "ok  " : "FAIL"} ${r.name}${r.detail ? ` (${r.ok ? r.detail : r.detail.split("\n")[0]})` : ""}`);
  const failed = results.filter((r) => !r.ok).length;
  lines.push(`${results.length - failed} passed, ${failed} failed`);
  return lines.join("\n");
}
