// Shared by the real-socket tests: a loop run on the host, a protocol that records its
// calls, and bytes helpers. Real I/O uses 127.0.0.1 and port 0; nothing waits on time:
// every step waits for a Future that the event it needs completes.
import { readFileSync } from "node:fs";
import { EventLoop, Future, type Transport } from "../../src/index.js";

export const enc = new TextEncoder();
export const b = (s: string) => enc.encode(s);
export const s = (u: Uint8Array) => new TextDecoder().decode(u);

export const TLS_KEY = readFileSync(new URL("../fixtures/tls/key.pem", import.meta.url), "utf8");
export const TLS_CERT = readFileSync(new URL("../fixtures/tls/cert.pem", import.meta.url), "utf8");

/** Runs `body` on a new real-clock loop driven by the host, then closes the loop. */
export async function onRealLoop<T>(body: (loop: EventLoop) => Generator<unknown, T, any>, options = {}): Promise<T> {
  const loop = new EventLoop(options);
  try {
    return await loop.runUntilComplete(body(loop));
  } finally {
    loop.close();
  }
}

/**
 * A protocol that logs every call (data as text) and completes `made`, `eof` and `lost`;
 * `until(text)` is a Future done once the data received so far contains `text`.
 */
export class Recorder {
  log: string[] = [];
  transport!: Transport;
  received = "";
  bytes = 0;
  made: Future<Transport>;
  eof: Future<void>;
  lost: Future<Error | null>;
  keepOpenOnEof = false;
  #wanted: [string, Future<void>][] = [];
  #wantedBytes: [number, Future<void>][] = [];

  constructor(readonly loop: EventLoop, readonly name = "") {
    this.made = loop.createFuture();
    this.eof = loop.createFuture();
    this.lost = loop.createFuture();
  }

  connectionMade(t: Transport) {
    this.transport = t;
    this.log.push("connectionMade");
    this.made.setResult(t);
  }

  dataReceived(d: Uint8Array) {
    this.log.push(`data ${s(d)}`);
    this.received += s(d);
    this.bytes += d.length;
    this.#check();
  }

  eofReceived() {
    this.log.push("eof");
    this.eof.setResult(undefined);
    return this.keepOpenOnEof;
  }

  connectionLost(exc: Error | null) {
    this.log.push(`lost ${exc === null ? "null" : exc.name}`);
    this.lost.setResult(exc);
  }

  pauseWriting() {
    this.log.push("pauseWriting");
  }

  resumeWriting() {
    this.log.push("resumeWriting");
  }

  /** Done once the text received contains `text`. */
  until(text: string): Future<void> {
    const f = this.loop.createFuture<void>();
    this.#wanted.push([text, f]);
    this.#check();
    return f;
  }

  /** Done once `n` bytes in all were received. */
  untilBytes(n: number): Future<void> {
    const f = this.loop.createFuture<void>();
    this.#wantedBytes.push([n, f]);
    this.#check();
    return f;
  }

  #check() {
    for (const [text, f] of this.#wanted) if (!f.done() && this.received.includes(text)) f.setResult(undefined);
    for (const [n, f] of this.#wantedBytes) if (!f.done() && this.bytes >= n) f.setResult(undefined);
  }
}
