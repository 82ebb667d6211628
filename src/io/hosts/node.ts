/**
 * Node and Bun (whose node:worker_threads is the same API): the executor's workers are
 * worker_threads, unref()'d while idle so they never keep the process alive.
 *
 * node:worker_threads is loaded on first use with `process.getBuiltinModule` (Node 20.16+,
 * 22.3+; Bun), not with a dynamic import: SES refuses to evaluate any bundle with one
 * in its text, and a static import would break every browser and edge build. The worker runs the executor's script from a `data:` URL, so no file of the package
 * has to be found (or copied by a bundler) at run time.
 *
 * Child processes (io/spawn.ts) come from node:child_process, loaded the same way; their pipes,
 * and any Node stream given to connectReadPipe/connectWritePipe, become pipe ends
 * (io/pipe-ends.ts) through nodeReadEnd/nodeWriteEnd below.
 */
import type { WorkerEvents, WorkerPort, WorkerScript } from "../threads.js";
import { FileNotFoundError, OSError, PermissionError } from "../../exceptions.js";
import { pipeError, type ReadEnd, type ReadSink, type WriteEnd, type WriteSink } from "../pipe-ends.js";
import type { HostChild, ProcessHost, SpawnRequest } from "../spawn.js";
import { describe } from "../../validate.js";

/** Why this Node cannot start worker threads, or null if it can. */
export function nodeThreadsMissing(): string | null {
  const p = (globalThis as any).process;
  if (typeof p?.getBuiltinModule === "function") return null;
  return (
    `Node ${String(p?.version ?? "")} has no process.getBuiltinModule (Node 20.16+ or 22.3+), which wasmloop needs ` +
    "to load node:worker_threads on first use; upgrade Node, or lend a worker: new EventLoop({ host: { worker } })"
  );
}

/** Starts a worker_threads Worker running `script`; idle, it does not keep the process alive once unref()'d. */
export function spawnNodeWorker(script: WorkerScript, events: WorkerEvents): WorkerPort {
  const { Worker } = (globalThis as any).process.getBuiltinModule("node:worker_threads");
  const worker = new Worker(new URL(`data:text/javascript,${encodeURIComponent(script.source)}`), { name: script.name });
  worker.on("message", (data: unknown) => events.message(data));
  worker.on("messageerror", (error: unknown) => events.error(error));
  worker.on("error", (error: unknown) => events.error(error));
  worker.on("exit", (code: number) => events.exit(code));
  return {
    postMessage: (message) => worker.postMessage(message),
    terminate: () => worker.terminate(),
    ref: () => worker.ref(),
    unref: () => worker.unref(),
  };
}

// ---- pipes and child processes (io/pipes.ts, io/spawn.ts) ----
//
// Node streams are recognised by shape, not by class: nothing here imports node:stream, so a
// Readable from any copy of Node's stream module (or readable-stream) works.


type Listener = (...args: any[]) => void;
interface NodeEmitter {
  on(event: string, fn: Listener): unknown;
  removeListener(event: string, fn: Listener): unknown;
}
interface NodeReadable extends NodeEmitter {
  pause(): unknown;
  resume(): unknown;
  read(): unknown;
  destroy(error?: unknown): unknown;
}
interface NodeWritable extends NodeEmitter {
  write(chunk: Uint8Array, cb: (err?: unknown) => void): boolean;
  end(): unknown;
  destroy(error?: unknown): unknown;
}

/** Whether `x` looks like a Node stream.Readable (on, pause, resume, read). */
export function isNodeReadable(x: unknown): boolean {
  const s = x as NodeReadable | null;
  return s !== null && typeof s === "object" && typeof s.on === "function" && typeof s.pause === "function" &&
    typeof s.resume === "function" && typeof s.read === "function";
}

/** Whether `x` looks like a Node stream.Writable (on, write, end). */
export function isNodeWritable(x: unknown): boolean {
  const s = x as NodeWritable | null;
  return s !== null && typeof s === "object" && typeof s.on === "function" && typeof s.write === "function" &&
    typeof s.end === "function";
}

/** A Buffer as a plain Uint8Array over the same bytes (Buffer's own methods differ: slice() shares memory). */
function plainBytes(chunk: Uint8Array): Uint8Array {
  return chunk.constructor === Uint8Array ? chunk : new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}

/**
 * A Node Readable as a read end. The listeners go on at once and the stream is paused until
 * start(): Node discards a child's output that nobody listens to when the child exits, and a
 * paused stream with a listener keeps it (and stops reading the pipe once its buffer is full).
 */
export function nodeReadEnd(stream: unknown): ReadEnd {
  const s = stream as NodeReadable;
  let sink: ReadSink | null = null;
  let paused = false;
  let over = false;
  let closed = false;
  /** what came before start() or while paused, in order: chunks, then maybe the end */
  const early: (Uint8Array | { error: unknown } | null)[] = [];
  const deliver = (item: Uint8Array | { error: unknown } | null) => {
    if (item === null) sink!.end();
    else if (item instanceof Uint8Array) sink!.data(item);
    else sink!.error(item.error);
  };
  const push = (item: Uint8Array | { error: unknown } | null) => {
    if (over) return;
    if (item === null || !(item instanceof Uint8Array)) over = true;
    if (sink === null || paused || early.length > 0) early.push(item);
    else deliver(item);
    if (over) detach();
  };
  const onData = (chunk: unknown) => {
    if (chunk instanceof Uint8Array) push(plainBytes(chunk));
    else push({ error: new TypeError(`a pipe's Readable must give bytes, got ${describe(chunk)} (is an encoding set?)`) });
  };
  const onEnd = () => push(null);
  const onError = (e: unknown) => push({ error: pipeError(e) });
  const detach = () => {
    s.removeListener("data", onData);
    s.removeListener("end", onEnd);
    // the error listener stays: an error after the end must not become an uncaught exception
  };
  s.on("data", onData);
  s.on("end", onEnd);
  s.on("error", onError);
  s.pause();
  const flush = () => {
    while (sink !== null && !paused && early.length > 0) deliver(early.shift()!);
    if (!over && sink !== null && !paused) s.resume();
  };
  return {
    start(k) {
      sink = k;
      flush();
    },
    pause() {
      paused = true;
      if (!over) s.pause();
    },
    resume() {
      paused = false;
      flush();
    },
    close() {
      if (closed) return;
      closed = true;
      early.length = 0;
      const wasOver = over;
      over = true;
      detach();
      if (!wasOver) s.destroy();
    },
  };
}

/** A Node Writable as a write end; its 'close' or 'error' without end()/abort() reports the reader gone. */
export function nodeWriteEnd(stream: unknown): WriteEnd {
  const s = stream as NodeWritable;
  let sink: WriteSink | null = null;
  let ours = false;
  /** what happened before start(): undefined if nothing */
  let early: { exc: unknown } | undefined;
  const report = (exc: unknown) => {
    if (ours) return;
    ours = true; // once
    if (sink === null) early = { exc };
    else sink.closed(exc);
  };
  s.on("error", (e: unknown) => report(pipeError(e)));
  s.on("close", () => report(null));
  return {
    start(k) {
      sink = k;
      if (early !== undefined) k.closed(early.exc);
    },
    write(chunk, done) {
      try {
        s.write(chunk, (err?: unknown) => done(err ? pipeError(err) : null));
      } catch (e) {
        done(pipeError(e));
      }
    },
    end() {
      ours = true;
      s.end();
    },
    abort() {
      ours = true;
      s.destroy();
    },
  };
}

/** Why this Node cannot start child processes, or null if it can (the same need as for threads). */
function nodeProcessesMissing(): string | null {
  const p = (globalThis as any).process;
  if (typeof p?.getBuiltinModule === "function") return null;
  return (
    `Node ${String(p?.version ?? "")} has no process.getBuiltinModule (Node 20.16+ or 22.3+), which wasmloop needs ` +
    "to load node:child_process on first use; upgrade Node"
  );
}

/** The spawn error as Python's OSError subclass: FileNotFoundError naming the program (or the cwd), PermissionError, ... */
function spawnError(e: any, request: SpawnRequest, cwdExists: (cwd: string) => boolean): unknown {
  const code = e?.code;
  const errno = typeof e?.errno === "number" ? Math.abs(e.errno) : null;
  const what = request.cwd !== null && code === "ENOENT" && !cwdExists(request.cwd) ? request.cwd : request.argv[0];
  if (code === "ENOENT") return new FileNotFoundError(`[Errno 2] No such file or directory: '${what}'`, { errno: 2, code, cause: e });
  if (code === "EACCES" || code === "EPERM") {
    const n = code === "EACCES" ? 13 : 1;
    return new PermissionError(`[Errno ${n}] ${code === "EACCES" ? "Permission denied" : "Operation not permitted"}: '${what}'`, { errno: n, code, cause: e });
  }
  if (typeof code === "string" && code.startsWith("E")) {
    return new OSError(`[Errno ${errno ?? "?"}] ${e.message ?? code}: '${what}'`, { errno, code, cause: e });
  }
  return e;
}

/**
 * Node's and Bun's child processes (node:child_process, loaded on first use), or the reason
 * there are none. A child's pipes become pipe ends at once, before the 'spawn' event: its
 * output is kept from the first byte.
 */
export function nodeProcessHost(): ProcessHost | string {
  const missing = nodeProcessesMissing();
  if (missing !== null) return missing;
  const p = (globalThis as any).process;
  const cp = p.getBuiltinModule("node:child_process");
  const fs = p.getBuiltinModule("node:fs");
  const signals: Record<string, number> = { ...p.getBuiltinModule("node:os").constants.signals };
  const windows = p.platform === "win32";
  const cwdExists = (cwd: string) => {
    try {
      return fs.statSync(cwd).isDirectory();
    } catch {
      return false;
    }
  };
  const stdioOf = (mode: SpawnRequest["stdin"]) => (mode === "devnull" ? "ignore" : mode);
  return {
    name: typeof (globalThis as any).Bun === "object" ? "Bun" : "Node",
    windows,
    signals,
    spawn(request, onExit) {
      const [file, ...args] = request.argv;
      let child: any;
      try {
        child = cp.spawn(file, args, {
          cwd: request.cwd ?? undefined,
          env: request.env ?? undefined,
          stdio: [stdioOf(request.stdin), stdioOf(request.stdout), stdioOf(request.stderr)],
          detached: request.startNewSession,
          shell: request.windowsShell,
          windowsHide: true,
        });
      } catch (e) {
        return Promise.reject(spawnError(e, request, cwdExists));
      }
      const stdin = child.stdin ? nodeWriteEnd(child.stdin) : null;
      const stdout = child.stdout ? nodeReadEnd(child.stdout) : null;
      const stderr = child.stderr ? nodeReadEnd(child.stderr) : null;
      return new Promise<HostChild>((resolve, reject) => {
        let spawned = false;
        child.on("error", (e: unknown) => {
          if (spawned) return; // a failed kill(): the child is gone, which its exit reports
          stdout?.close();
          stderr?.close();
          stdin?.abort();
          reject(spawnError(e, request, cwdExists));
        });
        child.on("exit", (code: number | null, signal: string | null) => {
          onExit(signal !== null ? -(signals[signal] ?? 0) : (code ?? 0));
        });
        child.on("spawn", () => {
          spawned = true;
          resolve({
            pid: child.pid,
            stdin,
            stdout,
            stderr,
            handle: child,
            kill(signal) {
              if (child.exitCode === null && child.signalCode === null) child.kill(signal);
            },
            unref: () => child.unref(),
          });
        });
      });
    },
  };
}
