/**
 * The subprocess transport (asyncio's base_subprocess.py with unix_events' child watching)
 * and loop.subprocessExec / loop.subprocessShell.
 *
 * A child's life, as the transport sees it:
 *
 *   start ─► spawning ─► (spawn failed: the error is raised, the transport closed)
 *              │ running: the pipe transports are connected one by one (stdin, stdout,
 *              ▼ stderr), then protocol.connectionMade(transport)
 *   events from then on, each a loop callback, queued until connectionMade has been called:
 *     pipeDataReceived(fd, data)   pipeConnectionLost(fd, exc)   processExited()
 *   exited (returncode set) and every pipe disconnected ─► protocol.connectionLost(null),
 *     then every wait() gets the returncode; sendSignal/terminate/kill raise
 *     ProcessLookupError from then on (between the exit and that point they do nothing).
 *
 * Host events: the host (spawn.ts) reports the exit once; the transport takes it into the
 * loop in two hops, as asyncio's child watcher does (the watcher's callback, then
 * _process_exited), so protocol.processExited() comes two iterations after the host's news,
 * as pipeConnectionLost() does after a pipe's end. The order across different pipes and the
 * exit is whatever the host reports, as in asyncio, where it depends on the selector.
 *
 * The returncode is the exit status, or minus the signal number for a child a signal ended
 * (Python's convention: -9 after kill()).
 */
import { ProcessLookupError } from "../exceptions.js";
import { CoroutineFuture } from "../coroutine-future.js";
import type { Future } from "../futures.js";
import type { EventLoop } from "../loop.js";
import { checkFunction, describe } from "../validate.js";
import { checkOptions, splitOptions } from "../options.js";
import { beginHostOp, checkHostEventsReachable, endHostOp, type HostOp } from "./host-ops.js";
import { connectReadEnd, connectWriteEnd } from "./pipes.js";
import type { ReadPipeTransport, WritePipeTransport } from "./pipe-transports.js";
import type { BaseProtocolLike, ProtocolLike, SubprocessProtocolLike } from "./protocols.js";
import { hostProcesses, signalName, spawnChild, type HostChild, type ProcessHost, type StdioMode } from "./spawn.js";
import { SubprocessTransport, type BaseTransport } from "./transports.js";

/** subprocess.PIPE: a new pipe to the child (a stream in Process, a pipe transport at loop level). */
export const PIPE = -1;
/** subprocess.STDOUT: the child's stderr goes where its stdout goes (for `stderr` only). */
export const STDOUT = -2;
/** subprocess.DEVNULL: the child's stream is /dev/null. */
export const DEVNULL = -3;

/** Where a child's stdin, stdout or stderr goes: PIPE, DEVNULL, STDOUT (stderr only), a file descriptor of this process, or null/undefined to share ours. */
export type StdioOption = typeof PIPE | typeof STDOUT | typeof DEVNULL | number | null | undefined;

/** The options of loop.subprocessExec/subprocessShell (Popen's keyword arguments that map; see the README). */
export interface SubprocessOptions {
  /** the child's stdin (loop level: PIPE by default; createSubprocess*: null, ours) */
  stdin?: StdioOption;
  /** the child's stdout (loop level: PIPE by default; createSubprocess*: null, ours) */
  stdout?: StdioOption;
  /** the child's stderr: as stdout, or STDOUT to send it where stdout goes */
  stderr?: StdioOption;
  /** the child's working directory */
  cwd?: string | null;
  /** the child's whole environment (not added to ours): `{ ...process.env, FOO: "bar" }` to add */
  env?: Record<string, string> | null;
  /** Python's start_new_session: the child gets a session of its own (Node's and Deno's `detached`) */
  startNewSession?: boolean;
  /** asyncio accepts only false */
  universalNewlines?: boolean;
  /** asyncio accepts only false for exec, true for shell */
  shell?: boolean;
  /** asyncio accepts only 0 */
  bufsize?: number;
  /** asyncio accepts only false/null */
  text?: boolean | null;
  /** asyncio accepts only null */
  encoding?: string | null;
  /** asyncio accepts only null */
  errors?: string | null;
}

export const SUBPROCESS_OPTIONS = [
  "stdin", "stdout", "stderr", "cwd", "env", "startNewSession",
  "universalNewlines", "shell", "bufsize", "text", "encoding", "errors",
] as const;

/** What a spawn needs, checked. */
export interface ChildSpec {
  readonly argv: readonly [string, ...string[]];
  readonly shell: boolean;
  readonly cwd: string | null;
  readonly env: Readonly<Record<string, string>> | null;
  readonly stdin: StdioMode;
  readonly stdout: StdioMode;
  readonly stderr: StdioMode | "stdout";
  readonly startNewSession: boolean;
}

function stdioMode(where: string, name: "stdin" | "stdout" | "stderr", v: unknown, dflt: StdioOption): StdioMode | "stdout" {
  if (v === undefined) v = dflt;
  if (v === null || v === undefined) return "inherit";
  if (v === PIPE) return "pipe";
  if (v === DEVNULL) return "devnull";
  if (v === STDOUT) {
    if (name !== "stderr") throw new RangeError(`${where}: ${name} cannot be STDOUT (only stderr can go where stdout goes)`);
    return "stdout";
  }
  if (typeof v === "number" && Number.isInteger(v) && v >= 0) return v;
  throw new TypeError(`${where}: ${name} must be PIPE, DEVNULL${name === "stderr" ? ", STDOUT" : ""}, a file descriptor or null, got ${describe(v)}`);
}

function checkString(where: string, name: string, v: unknown): string {
  if (typeof v !== "string") throw new TypeError(`${where}: ${name} must be a string, got ${describe(v)}`);
  if (v.includes("\0")) throw new RangeError(`${where}: ${name} contains an embedded null byte`);
  return v;
}

/**
 * Checks a spawn's arguments and options, as asyncio checks them before starting anything
 * (its ValueErrors are RangeErrors here). `argv` is [program, ...args], or [cmd] for a shell.
 */
export function checkChildSpec(where: string, shell: boolean, argv: readonly unknown[], options: unknown, stdioDefault: StdioOption): ChildSpec {
  checkOptions(where, options, SUBPROCESS_OPTIONS);
  const o = (options ?? {}) as SubprocessOptions;
  if (shell) {
    // asyncio: ValueError("cmd must be a string")
    if (typeof argv[0] !== "string") throw new RangeError(`${where}: cmd must be a string, got ${describe(argv[0])}`);
    checkString(where, "cmd", argv[0]);
  } else {
    if (argv.length === 0) throw new TypeError(`${where}: the program to run is missing`);
    argv.forEach((a, i) => checkString(where, i === 0 ? "program" : `args[${i - 1}]`, a));
  }
  if (o.universalNewlines) throw new RangeError(`${where}: universalNewlines must be false`);
  if (o.shell !== undefined && Boolean(o.shell) !== shell) throw new RangeError(`${where}: shell must be ${shell}`);
  if (o.bufsize !== undefined && o.bufsize !== 0) throw new RangeError(`${where}: bufsize must be 0`);
  if (o.text) throw new RangeError(`${where}: text must be false`);
  if (o.encoding !== undefined && o.encoding !== null) throw new RangeError(`${where}: encoding must be null`);
  if (o.errors !== undefined && o.errors !== null) throw new RangeError(`${where}: errors must be null`);
  const cwd = o.cwd === undefined || o.cwd === null ? null : checkString(where, "cwd", o.cwd);
  let env: Record<string, string> | null = null;
  if (o.env !== undefined && o.env !== null) {
    if (typeof o.env !== "object") throw new TypeError(`${where}: env must be an object of strings, got ${describe(o.env)}`);
    env = {};
    for (const [k, v] of Object.entries(o.env)) {
      if (typeof v !== "string") throw new TypeError(`${where}: env[${JSON.stringify(k)}] must be a string, got ${describe(v)}`);
      if (k === "" || k.includes("=") || k.includes("\0")) throw new RangeError(`${where}: illegal environment variable name ${JSON.stringify(k)}`);
      env[k] = checkString(where, `env[${JSON.stringify(k)}]`, v);
    }
  }
  if (o.startNewSession !== undefined && typeof o.startNewSession !== "boolean") {
    throw new TypeError(`${where}: startNewSession must be a boolean, got ${describe(o.startNewSession)}`);
  }
  return {
    argv: argv as [string, ...string[]],
    shell,
    cwd,
    env,
    stdin: stdioMode(where, "stdin", o.stdin, stdioDefault) as StdioMode,
    stdout: stdioMode(where, "stdout", o.stdout, stdioDefault) as StdioMode,
    stderr: stdioMode(where, "stderr", o.stderr, stdioDefault),
    startNewSession: o.startNewSession ?? false,
  };
}

/** The protocol of the transport's stdin pipe (asyncio's WriteSubprocessPipeProto). */
class WriteSubprocessPipeProto implements BaseProtocolLike {
  proc: ChildProcessTransport | null;
  readonly fd: number;
  pipe: ReadPipeTransport | WritePipeTransport | null = null;
  disconnected = false;

  constructor(proc: ChildProcessTransport, fd: number) {
    this.proc = proc;
    this.fd = fd;
  }

  connectionMade(transport: BaseTransport): void {
    this.pipe = transport as ReadPipeTransport | WritePipeTransport;
  }

  connectionLost(exc: Error | null): void {
    this.disconnected = true;
    this.proc?._pipeConnectionLost(this.fd, exc);
    this.proc = null;
  }

  pauseWriting(): void {
    this.proc?._protocolOf()?.pauseWriting?.();
  }

  resumeWriting(): void {
    this.proc?._protocolOf()?.resumeWriting?.();
  }
}

/** The protocol of the transport's stdout and stderr pipes (asyncio's ReadSubprocessPipeProto). */
class ReadSubprocessPipeProto extends WriteSubprocessPipeProto implements ProtocolLike {
  dataReceived(data: Uint8Array): void {
    this.proc?._pipeDataReceived(this.fd, data);
  }
}

/** A child process, as a transport (asyncio's BaseSubprocessTransport). Made by loop.subprocessExec/subprocessShell. */
export class ChildProcessTransport extends SubprocessTransport {
  readonly #loop: EventLoop;
  readonly #host: ProcessHost;
  #protocol: SubprocessProtocolLike | null;
  /** null before the spawn and after connectionLost */
  #child: HostChild | null = null;
  #pid: number | null = null;
  #returncode: number | null = null;
  /** the host reported the exit (its news may not have reached the loop yet: Popen.poll() would know) */
  #hostExited = false;
  #closed = false;
  #finished = false;
  #exitWaiters: Future<number>[] | null = [];
  /** protocol calls made before connectionMade, delivered right after it */
  #pendingCalls: [(...args: any[]) => unknown, unknown[]][] | null = [];
  /** fd → its pipe's protocol, null until connected; only the fds that are PIPE */
  readonly #pipes = new Map<number, WriteSubprocessPipeProto | null>();
  #op: HostOp | null = null;

  /** @internal */
  constructor(loop: EventLoop, protocol: SubprocessProtocolLike, host: ProcessHost, spec: ChildSpec) {
    super(null);
    this.#loop = loop;
    this.#host = host;
    this.#protocol = protocol;
    if (spec.stdin === "pipe") this.#pipes.set(0, null);
    if (spec.stdout === "pipe") this.#pipes.set(1, null);
    if (spec.stderr === "pipe") this.#pipes.set(2, null);
  }

  /** @internal starts the child (Popen in asyncio's _start): returns once it runs; raises what kept it from running */
  *_start(where: string, spec: ChildSpec): Generator<unknown, void, unknown> {
    const loop = this.#loop;
    const spawned = loop.createFuture<HostChild>();
    // a child whose creator gave up waiting (cancelled): it must not outlive that
    const reap = (child: HostChild) => {
      child.stdout?.close();
      child.stderr?.close();
      child.stdin?.abort();
      child.kill("SIGKILL");
    };
    const onExit = (returncode: number) => {
      this.#hostExited = true;
      if (loop.isClosed()) return;
      // the child watcher's callback, then _process_exited (see the file's header)
      loop._soon(() => loop._soon((rc: number) => this._processExited(rc), returncode), undefined);
    };
    // the loop closing: the child's pipes are closed and it no longer keeps the host alive
    const op = (this.#op = beginHostOp(loop, () => {
      const child = this.#child;
      if (child === null) return; // still spawning: reaped when it arrives
      child.stdout?.close();
      child.stderr?.close();
      child.stdin?.abort();
      child.unref();
    }, true));
    spawnChild(this.#host, where, spec.shell, spec, onExit).then(
      (child) => {
        if (loop.isClosed()) return reap(child);
        loop._soon(() => (spawned.done() ? reap(child) : spawned.setResult(child)), undefined);
      },
      (exc) => {
        if (loop.isClosed()) return;
        loop._soon(() => spawned.done() || spawned.setException(exc), undefined);
      },
    );
    let child: HostChild;
    try {
      child = yield* spawned;
    } catch (e) {
      endHostOp(loop, op);
      throw e;
    }
    this.#child = child;
    this.#pid = child.pid;
    this._extra.subprocess = child.handle;
    if (loop.getDebug()) (globalThis as any).console?.debug?.(`process ${JSON.stringify(spec.argv[0])} created: pid ${child.pid}`);
  }

  /** @internal connects the child's pipes, then calls connectionMade (asyncio's _connect_pipes, run as a Task) */
  *_connectPipes(waiter: Future<void>): Generator<unknown, void, unknown> {
    const loop = this.#loop;
    try {
      const child = this.#child!;
      const raw = child.handle as Record<string, unknown> | null;
      if (child.stdin !== null) {
        const [, proto] = yield* connectWriteEnd(loop, () => new WriteSubprocessPipeProto(this, 0), child.stdin, raw?.stdin ?? null);
        this.#pipes.set(0, proto);
      }
      if (child.stdout !== null) {
        const [, proto] = yield* connectReadEnd(loop, () => new ReadSubprocessPipeProto(this, 1), child.stdout, raw?.stdout ?? null);
        this.#pipes.set(1, proto);
      }
      if (child.stderr !== null) {
        const [, proto] = yield* connectReadEnd(loop, () => new ReadSubprocessPipeProto(this, 2), child.stderr, raw?.stderr ?? null);
        this.#pipes.set(2, proto);
      }
      const protocol = this.#protocol;
      const made = protocol?.connectionMade;
      if (typeof made === "function") loop.callSoon(made.bind(protocol) as (t: unknown) => void, this);
      for (const [fn, args] of this.#pendingCalls!) loop.callSoon(fn, ...args);
      this.#pendingCalls = null;
    } catch (exc) {
      if (!waiter.cancelled()) waiter.setException(exc);
      return;
    }
    if (!waiter.cancelled()) waiter.setResult(undefined);
  }

  /** @internal the protocol (the pipes' protocols forward pauseWriting/resumeWriting to it) */
  _protocolOf(): SubprocessProtocolLike | null {
    return this.#protocol;
  }

  #call(fn: (...args: any[]) => unknown, ...args: unknown[]): void {
    if (this.#pendingCalls !== null) this.#pendingCalls.push([fn, args]);
    else this.#loop.callSoon(fn, ...args);
  }

  #callProtocol(method: "pipeDataReceived" | "pipeConnectionLost" | "processExited", ...args: unknown[]): void {
    const protocol = this.#protocol;
    const fn = protocol?.[method];
    if (typeof fn === "function") this.#call((fn as (...a: unknown[]) => void).bind(protocol), ...args);
  }

  /** @internal */
  _pipeConnectionLost(fd: number, exc: Error | null): void {
    this.#callProtocol("pipeConnectionLost", fd, exc);
    this.#tryFinish();
  }

  /** @internal */
  _pipeDataReceived(fd: number, data: Uint8Array): void {
    this.#callProtocol("pipeDataReceived", fd, data);
  }

  /** @internal the exit reached the loop */
  _processExited(returncode: number): void {
    if (this.#returncode !== null) return;
    if (this.#loop.getDebug()) (globalThis as any).console?.info?.(`${this} exited with return code ${returncode}`);
    this.#returncode = returncode;
    this.#callProtocol("processExited");
    this.#tryFinish();
  }

  #tryFinish(): void {
    if (this.#finished || this.#returncode === null) return;
    for (const proto of this.#pipes.values()) if (proto === null || !proto.disconnected) return;
    this.#finished = true;
    this.#call(() => this.#callConnectionLost(null));
  }

  #callConnectionLost(exc: Error | null): void {
    try {
      this.#protocol?.connectionLost?.(exc);
    } finally {
      // wake up the wait() calls
      for (const waiter of this.#exitWaiters!) if (!waiter.cancelled()) waiter.setResult(this.#returncode!);
      this.#exitWaiters = null;
      this.#child = null;
      this.#protocol = null;
      if (this.#op !== null) endHostOp(this.#loop, this.#op);
    }
  }

  /** @internal Process.wait(): the returncode once the child exited and its pipes closed (at once if it already exited) */
  *_wait(): Generator<unknown, number, unknown> {
    if (this.#returncode !== null) return this.#returncode;
    const waiter = this.#loop.createFuture<number>();
    this.#exitWaiters!.push(waiter);
    return yield* waiter;
  }

  /** The child's process id. */
  override getPid(): number {
    return this.#pid!;
  }

  /** The exit status (minus the signal number if a signal ended it), or null while the child runs. */
  override getReturncode(): number | null {
    return this.#returncode;
  }

  /** The transport of pipe `fd` (0 stdin, 1 stdout, 2 stderr), or null if it is not a pipe. */
  override getPipeTransport(fd: number): ReadPipeTransport | WritePipeTransport | null {
    return this.#pipes.get(fd)?.pipe ?? null;
  }

  #checkProc(): HostChild {
    // as asyncio: raised bare, no message
    if (this.#child === null) throw new ProcessLookupError();
    return this.#child;
  }

  #signal(where: string, sig: unknown): void {
    const child = this.#checkProc();
    const name = signalName(where, this.#host, sig);
    if (name === null || this.#hostExited) return;
    child.kill(name);
  }

  /**
   * Sends a signal: a name ("SIGHUP") or a number (1). Does nothing once the child has exited;
   * ProcessLookupError once the transport has finished (connectionLost was called).
   */
  override sendSignal(signal: string | number): void {
    this.#signal("sendSignal", signal);
  }

  /** SIGTERM. */
  override terminate(): void {
    this.#signal("terminate", "SIGTERM");
  }

  /** SIGKILL. */
  override kill(): void {
    this.#signal("kill", "SIGKILL");
  }

  override setProtocol(protocol: BaseProtocolLike): void {
    this.#protocol = protocol as SubprocessProtocolLike;
  }

  override getProtocol(): BaseProtocolLike | null {
    return this.#protocol;
  }

  override isClosing(): boolean {
    return this.#closed;
  }

  /** Closes the pipes and kills the child if it still runs. */
  override close(): void {
    if (this.#closed) return;
    this.#closed = true;
    for (const proto of this.#pipes.values()) proto?.pipe?.close();
    const child = this.#child;
    if (child !== null && this.#returncode === null && !this.#hostExited) {
      if (this.#loop.getDebug()) (globalThis as any).console?.warn?.(`Close running child process: kill ${this}`);
      child.kill("SIGKILL");
    }
  }

  toString(): string {
    const info = ["ChildProcessTransport"];
    if (this.#closed) info.push("closed");
    if (this.#pid !== null) info.push(`pid=${this.#pid}`);
    if (this.#returncode !== null) info.push(`returncode=${this.#returncode}`);
    else info.push(this.#pid !== null ? "running" : "not started");
    return `<${info.join(" ")}>`;
  }

  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.toString();
  }
}

/** asyncio's _make_subprocess_transport, then the pair subprocess_exec/subprocess_shell return. */
export function* makeSubprocessTransport<P extends SubprocessProtocolLike>(
  loop: EventLoop,
  where: string,
  protocolFactory: () => P,
  host: ProcessHost,
  spec: ChildSpec,
): Generator<unknown, [ChildProcessTransport, P], unknown> {
  checkHostEventsReachable(loop, where);
  const protocol = protocolFactory();
  const transport = new ChildProcessTransport(loop, protocol, host, spec);
  try {
    yield* transport._start(where, spec);
  } catch (e) {
    transport.close();
    throw e;
  }
  const waiter = loop.createFuture<void>();
  loop.createTask(transport._connectPipes(waiter));
  try {
    yield* waiter;
  } catch (e) {
    transport.close();
    yield* transport._wait();
    throw e;
  }
  return [transport, protocol];
}

/** @internal loop.subprocessExec / loop.subprocessShell: `args` is [program, ...args, options?] or [cmd, options?] */
export function subprocess<P extends SubprocessProtocolLike>(
  loop: EventLoop,
  where: string,
  shell: boolean,
  protocolFactory: () => P,
  args: unknown[],
): Future<[ChildProcessTransport, P]> {
  loop._checkClosed();
  checkFunction(where, "protocolFactory", protocolFactory);
  const [argv, options] = splitOptions(args);
  if (shell && argv.length !== 1) throw new TypeError(`${where}: takes one command line (and options), got ${argv.length} arguments`);
  const spec = checkChildSpec(where, shell, argv, args.length > argv.length ? options : undefined, PIPE);
  const host = hostProcesses(where);
  checkHostEventsReachable(loop, where);
  return new CoroutineFuture(loop, () => makeSubprocessTransport(loop, where, protocolFactory, host, spec));
}
