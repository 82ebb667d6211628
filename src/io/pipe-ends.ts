/**
 * Pipe ends: what the pipe transports (pipe-transports.ts) need of a host stream. asyncio's
 * pipe transports read and write a file descriptor; a JavaScript host offers streams
 * instead, of two kinds: Web Streams (`ReadableStream` / `WritableStream`, in every runtime;
 * what Deno gives for a child's pipes) and Node streams (`stream.Readable` / `Writable`, what
 * Node and Bun give for a child's pipes and for `process.stdin`). Each kind is adapted here
 * (Web) or in hosts/node.ts (Node) to one small push interface, so the transports are written
 * once:
 *
 *   ReadEnd:  start(sink) → sink.data(chunk)* then sink.end() or sink.error(exc), once;
 *             pause()/resume() stop and restart the flow (the host stops pulling, so the
 *             writer is slowed down); close() stops reading and releases the stream.
 *   WriteEnd: write(chunk, done) → done(null) once the host took the chunk, done(exc) if it
 *             could not; end() flushes and closes; abort() closes at once, dropping what is
 *             queued; sink.closed(exc) reports a stream that closed by itself (the reader went away).
 *
 * The sinks are called from host events (promise jobs, stream events), never from loop
 * callbacks: the transports move every call into the loop before any protocol sees it.
 * A read end delivers nothing while paused, including a read that was in flight when pause()
 * was called: that chunk waits for resume().
 *
 * A Web Stream errored with no reason (`undefined`) was cancelled or aborted from its other
 * end, as our own transports do when they close early; with an OS pipe that is the reader
 * closing (the writer sees it gone: connectionLost(null), or BrokenPipeError if it had
 * data buffered) or the writer closing (the reader sees an end of file), and so it is here.
 */
import { BrokenPipeError, ConnectionResetError } from "../exceptions.js";
import { describe } from "../validate.js";

/** Where a read end delivers. */
export interface ReadSink {
  data(chunk: Uint8Array): void;
  end(): void;
  error(exc: unknown): void;
}

/** The reading side of a pipe (see the file's header). */
export interface ReadEnd {
  start(sink: ReadSink): void;
  pause(): void;
  resume(): void;
  close(): void;
}

/** Where a write end reports that its stream closed without being asked to. */
export interface WriteSink {
  closed(exc: unknown): void;
}

/** The writing side of a pipe (see the file's header). */
export interface WriteEnd {
  start(sink: WriteSink): void;
  write(chunk: Uint8Array, done: (exc: unknown) => void): void;
  end(): void;
  abort(): void;
}

/**
 * A stream error as asyncio would name it: the OSError subclass for a broken pipe or a
 * reset, else the error itself. A Web Stream errored without a reason (`undefined`) had its
 * other end cancelled or aborted: for a writer that is a broken pipe.
 */
export function pipeError(e: unknown): unknown {
  if (e === undefined) return new BrokenPipeError("[Errno 32] Broken pipe", { errno: 32, code: "EPIPE" });
  const err = e as { name?: unknown; code?: unknown; message?: unknown } | null;
  if (err === null || typeof err !== "object") return e;
  // a destroyed Node stream: its reader went away under a write (asyncio sees EPIPE there)
  if (err.code === "EPIPE" || err.name === "BrokenPipe" || err.code === "ERR_STREAM_DESTROYED") {
    return new BrokenPipeError("[Errno 32] Broken pipe", { errno: 32, code: "EPIPE", cause: e });
  }
  if (err.code === "ECONNRESET" || err.name === "ConnectionReset") {
    return new ConnectionResetError("[Errno 104] Connection reset by peer", { errno: 104, code: "ECONNRESET", cause: e });
  }
  return e;
}

/**
 * A ReadableStream as a read end: one `read()` at a time while flowing; takes the stream's
 * lock at once (so nobody else reads it meanwhile) and cancels the stream on close().
 */
export function webReadEnd(stream: ReadableStream<Uint8Array>): ReadEnd {
  const reader = stream.getReader();
  let sink: ReadSink | null = null;
  let paused = false;
  let reading = false;
  /** ended, failed or closed: nothing more is delivered */
  let over = false;
  /** a chunk whose read resolved while paused */
  let held: Uint8Array | null = null;

  const fail = (exc: unknown) => {
    over = true;
    reader.cancel(exc).catch(() => {});
    sink!.error(exc);
  };
  const pull = () => {
    if (reading || paused || over || sink === null) return;
    if (held !== null) {
      const chunk = held;
      held = null;
      sink.data(chunk);
      if (paused || over) return;
    }
    reading = true;
    reader.read().then(
      (r) => {
        reading = false;
        if (over) return;
        if (r.done) {
          over = true;
          sink!.end();
          return;
        }
        const chunk: unknown = r.value;
        if (!(chunk instanceof Uint8Array)) {
          fail(new TypeError(`a pipe's ReadableStream must give Uint8Array chunks, got ${describe(chunk)}`));
          return;
        }
        if (paused) held = chunk;
        else sink!.data(chunk);
        pull();
      },
      (e) => {
        reading = false;
        if (over) return;
        over = true;
        // aborted from the writing side without a reason: the writer went away (see the header)
        if (e === undefined) sink!.end();
        else sink!.error(pipeError(e));
      },
    );
  };
  return {
    start(s) {
      sink = s;
      pull();
    },
    pause() {
      paused = true;
    },
    resume() {
      paused = false;
      pull();
    },
    close() {
      if (over) return;
      over = true;
      held = null;
      reader.cancel().catch(() => {});
    },
  };
}

/**
 * A WritableStream as a write end: chunks go to its writer as they come (the stream queues
 * them); a rejected `writer.closed` that we did not cause reports the stream's end.
 */
export function webWriteEnd(stream: WritableStream<Uint8Array>): WriteEnd {
  const writer = stream.getWriter();
  /** end() or abort() was called: the stream's closing is ours, not news */
  let ours = false;
  return {
    start(sink) {
      writer.closed.then(
        () => ours || sink.closed(null),
        // cancelled from the reading side without a reason: the reader went away (see the header)
        (e) => ours || sink.closed(e === undefined ? null : pipeError(e)),
      );
    },
    write(chunk, done) {
      writer.write(chunk).then(
        () => done(null),
        (e) => done(pipeError(e)),
      );
    },
    end() {
      ours = true;
      writer.close().catch(() => {});
    },
    abort() {
      ours = true;
      writer.abort().catch(() => {});
    },
  };
}
