/**
 * asyncio.subprocess: createSubprocessExec / createSubprocessShell and Process, the streams
 * face of a child process. Built, as in asyncio, on loop.subprocessExec/subprocessShell
 * (subprocess-transport.ts) with SubprocessStreamProtocol, which gives each PIPE a stream:
 * a StreamWriter for stdin, a StreamReader for stdout and stderr (their limit is `limit`).
 *
 * The child's output is read from the moment it starts, into the readers (which pause the
 * pipe once they hold 2 × limit, so a child writing more than anyone reads is held back,
 * not buffered without end). The transport closes when the child has exited and every pipe
 * has ended; only then does wait() return the returncode (asyncio's order: the exit, the
 * pipes' ends, connectionLost, then wait()).
 *
 * createSubprocess*, wait() and communicate() are asyncio coroutines: each returns a
 * coroutine-like Future (`yield*` runs it inline in the calling task).
 */
import { BrokenPipeError, ConnectionResetError } from "../exceptions.js";
import { CoroutineFuture } from "../coroutine-future.js";
import { getEventLoop } from "../events.js";
import type { Future } from "../futures.js";
import { gather } from "../gather.js";
import type { EventLoop } from "../loop.js";
import { checkOptions, splitOptions } from "../options.js";
import { describe } from "../validate.js";
import { toBytes } from "./bytes.js";
import type { SubprocessProtocolLike } from "./protocols.js";
import { hostProcesses } from "./spawn.js";
import { FlowControlMixin, StreamReader, StreamWriter, DEFAULT_LIMIT } from "./streams.js";
import {
  ChildProcessTransport,
  checkChildSpec,
  makeSubprocessTransport,
  SUBPROCESS_OPTIONS,
  type SubprocessOptions,
} from "./subprocess-transport.js";
import type { SubprocessTransport, Transport } from "./transports.js";

export { PIPE, STDOUT, DEVNULL } from "./subprocess-transport.js";

/** createSubprocessExec/createSubprocessShell's options: the loop's (stdin, stdout and stderr default to null: ours) and the streams' `limit`. */
export interface CreateSubprocessOptions extends SubprocessOptions {
  /** the StreamReaders' limit (bytes; default 64 KiB) */
  limit?: number;
}

/** The protocol between a child's transport and its streams (asyncio's SubprocessStreamProtocol). */
export class SubprocessStreamProtocol extends FlowControlMixin implements SubprocessProtocolLike {
  readonly #limit: number;
  /** The child's stdin as a stream, once connected (stdin: PIPE), else null. */
  stdin: StreamWriter | null = null;
  /** The child's stdout as a stream, once connected (stdout: PIPE), else null. */
  stdout: StreamReader | null = null;
  /** The child's stderr as a stream, once connected (stderr: PIPE), else null. */
  stderr: StreamReader | null = null;
  #transport: SubprocessTransport | null = null;
  #processExited = false;
  /** the output pipes not yet ended */
  #pipeFds: number[] = [];
  readonly #stdinClosed: Future<void>;

  constructor(limit: number, loop: EventLoop) {
    super(loop);
    this.#limit = limit;
    this.#stdinClosed = this._loop.createFuture<void>();
  }

  /** `<SubprocessStreamProtocol stdin=... stdout=...>`, as asyncio's repr. */
  toString(): string {
    const info = ["SubprocessStreamProtocol"];
    if (this.stdin !== null) info.push(`stdin=${this.stdin}`);
    if (this.stdout !== null) info.push(`stdout=${this.stdout}`);
    if (this.stderr !== null) info.push(`stderr=${this.stderr}`);
    return `<${info.join(" ")}>`;
  }

  connectionMade(transport: SubprocessTransport): void {
    this.#transport = transport;
    // StreamReader.setTransport asks for a Transport; a read pipe's transport does all it uses (pause/resumeReading)
    const stdoutTransport = transport.getPipeTransport(1) as Transport | null;
    if (stdoutTransport !== null) {
      this.stdout = new StreamReader(this.#limit, this._loop);
      this.stdout.setTransport(stdoutTransport);
      this.#pipeFds.push(1);
    }
    const stderrTransport = transport.getPipeTransport(2) as Transport | null;
    if (stderrTransport !== null) {
      this.stderr = new StreamReader(this.#limit, this._loop);
      this.stderr.setTransport(stderrTransport);
      this.#pipeFds.push(2);
    }
    const stdinTransport = transport.getPipeTransport(0) as Transport | null;
    if (stdinTransport !== null) this.stdin = new StreamWriter(stdinTransport, this, null, this._loop);
  }

  pipeDataReceived(fd: number, data: Uint8Array): void {
    const reader = fd === 1 ? this.stdout : fd === 2 ? this.stderr : null;
    reader?.feedData(data);
  }

  pipeConnectionLost(fd: number, exc: Error | null): void {
    if (fd === 0) {
      this.stdin?.close();
      this.connectionLost(exc);
      if (exc === null) this.#stdinClosed.setResult(undefined);
      // waitClosed() is optional: a failure nobody waits for is not reported
      else this.#stdinClosed._setRetrievedException(exc);
      return;
    }
    const reader = fd === 1 ? this.stdout : fd === 2 ? this.stderr : null;
    if (reader !== null) {
      if (exc === null) reader.feedEof();
      else reader.setException(exc);
    }
    const i = this.#pipeFds.indexOf(fd);
    if (i !== -1) this.#pipeFds.splice(i, 1);
    this.#maybeCloseTransport();
  }

  processExited(): void {
    this.#processExited = true;
    this.#maybeCloseTransport();
  }

  #maybeCloseTransport(): void {
    if (this.#pipeFds.length === 0 && this.#processExited && this.#transport !== null) {
      this.#transport.close();
      this.#transport = null;
    }
  }

  /** @internal stdin's waitClosed() */
  override _getCloseWaiter(stream: StreamWriter): Future<void> {
    if (stream === this.stdin) return this.#stdinClosed;
    return super._getCloseWaiter(stream);
  }
}

/**
 * A child process started by createSubprocessExec or createSubprocessShell (asyncio.subprocess.Process).
 * @example
 * const proc = yield* createSubprocessExec("ls", "-l", { stdout: PIPE });
 * const [out] = yield* proc.communicate();
 * console.log(new TextDecoder().decode(out!), "exit status", proc.returncode);
 */
export class Process {
  readonly #transport: ChildProcessTransport;
  readonly #loop: EventLoop;
  /** The child's stdin as a stream (stdin: PIPE), else null. */
  readonly stdin: StreamWriter | null;
  /** The child's stdout as a stream (stdout: PIPE), else null. */
  readonly stdout: StreamReader | null;
  /** The child's stderr as a stream (stderr: PIPE), else null. */
  readonly stderr: StreamReader | null;
  /** The child's process id. */
  readonly pid: number;

  /** @internal made by createSubprocessExec/createSubprocessShell */
  constructor(transport: ChildProcessTransport, protocol: SubprocessStreamProtocol, loop: EventLoop) {
    this.#transport = transport;
    this.#loop = loop;
    this.stdin = protocol.stdin;
    this.stdout = protocol.stdout;
    this.stderr = protocol.stderr;
    this.pid = transport.getPid();
  }

  /** `<Process 1234>`: the pid, as asyncio's repr. */
  toString(): string {
    return `<Process ${this.pid}>`;
  }

  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.toString();
  }

  /** The exit status; minus the signal number if a signal ended the child; null until the child has exited. */
  get returncode(): number | null {
    return this.#transport.getReturncode();
  }

  /**
   * Waits until the child has exited and its pipes have closed; returns the returncode.
   * Reading nothing while a child writes a lot makes it wait for ever (its pipe fills):
   * communicate() reads for you.
   */
  wait(): Future<number> {
    return new CoroutineFuture(this.#loop, () => this.#transport._wait());
  }

  /**
   * Sends a signal (a name such as "SIGHUP", or its number); nothing once the child has exited;
   * ProcessLookupError once the child has exited and its pipes have closed (when a waiting wait() returns).
   */
  sendSignal(signal: string | number): void {
    this.#transport.sendSignal(signal);
  }

  /** Sends SIGTERM (see sendSignal). */
  terminate(): void {
    this.#transport.terminate();
  }

  /** Sends SIGKILL (see sendSignal). */
  kill(): void {
    this.#transport.kill();
  }

  *#feedStdin(input: Uint8Array | null): Generator<unknown, void, unknown> {
    const stdin = this.stdin!;
    try {
      if (input !== null) stdin.write(input);
      yield* stdin.drain();
    } catch (e) {
      // the child may exit without reading its input: communicate() does not mind
      if (!(e instanceof BrokenPipeError || e instanceof ConnectionResetError)) throw e;
    }
    stdin.close();
  }

  *#noop(): Generator<unknown, null, unknown> {
    return null;
  }

  *#readStream(fd: 1 | 2): Generator<unknown, Uint8Array, unknown> {
    const transport = this.#transport.getPipeTransport(fd)!;
    const stream = fd === 2 ? this.stderr! : this.stdout!;
    const output = yield* stream.read();
    transport.close();
    return output;
  }

  /**
   * Sends `input` (bytes, or a string as UTF-8) to stdin and closes it, reads stdout and
   * stderr to their ends, waits for the child to exit; returns `[stdout, stderr]` (null for
   * a stream that is not PIPE). Without stdin: PIPE, `input` is ignored, as in asyncio. A
   * child that is killed meanwhile: what it wrote until then.
   * @example
   * const proc = yield* createSubprocessExec("cat", { stdin: PIPE, stdout: PIPE });
   * const [out] = yield* proc.communicate(new TextEncoder().encode("hello"));
   */
  communicate(input?: Uint8Array | string | null): Future<[Uint8Array | null, Uint8Array | null]> {
    const bytes = input === undefined || input === null ? null : toBytes("Process.communicate", input);
    return new CoroutineFuture(this.#loop, () => this.#communicate(bytes));
  }

  *#communicate(input: Uint8Array | null): Generator<unknown, [Uint8Array | null, Uint8Array | null], unknown> {
    const stdin = this.stdin !== null ? this.#feedStdin(input) : this.#noop();
    const stdout = this.stdout !== null ? this.#readStream(1) : this.#noop();
    const stderr = this.stderr !== null ? this.#readStream(2) : this.#noop();
    const [, out, err] = (yield* gather(stdin, stdout, stderr)) as [unknown, Uint8Array | null, Uint8Array | null];
    yield* this.#transport._wait();
    return [out, err];
  }
}

function checkLimit(where: string, limit: unknown): number {
  if (limit === undefined) return DEFAULT_LIMIT;
  if (typeof limit !== "number" || Number.isNaN(limit)) throw new TypeError(`${where}: limit must be a number of bytes, got ${describe(limit)}`);
  if (limit <= 0) throw new RangeError(`${where}: limit must be > 0, got ${limit}`);
  return limit;
}

function create(where: string, shell: boolean, argv: unknown[], options: unknown): Future<Process> {
  checkOptions(where, options, [...SUBPROCESS_OPTIONS, "limit"]);
  const { limit, ...rest } = (options ?? {}) as CreateSubprocessOptions;
  const checkedLimit = checkLimit(where, limit);
  const spec = checkChildSpec(where, shell, argv, options === undefined ? undefined : rest, null);
  const host = hostProcesses(where);
  const fut: CoroutineFuture<Process> = new CoroutineFuture(getEventLoop(), function* () {
    // the loop that runs it: asyncio's get_running_loop()
    const loop = fut._loop;
    const [transport, protocol] = yield* makeSubprocessTransport(
      loop,
      where,
      () => new SubprocessStreamProtocol(checkedLimit, loop),
      host,
      spec,
    );
    return new Process(transport, protocol, loop);
  });
  return fut;
}

/**
 * Starts `program` with `args` (asyncio.create_subprocess_exec). Options: `stdin`, `stdout`,
 * `stderr` (PIPE, DEVNULL, STDOUT for stderr, a file descriptor, or null: ours, the
 * default), `cwd`, `env`, `limit`, `startNewSession`. A program that cannot be found:
 * FileNotFoundError; one that cannot be run: PermissionError. Where the runtime has no
 * subprocesses (browsers, Workers, SES): NotImplementedError; Deno without --allow-run:
 * PermissionError.
 * @example
 * const proc = yield* createSubprocessExec("sh", "-c", "echo hi; exit 3", { stdout: PIPE });
 * const [out] = yield* proc.communicate();   // out: b"hi\n", proc.returncode: 3
 */
export function createSubprocessExec(program: string, ...args: (string | CreateSubprocessOptions)[]): Future<Process> {
  const [positional, options] = splitOptions<CreateSubprocessOptions>(args);
  return create("createSubprocessExec", false, [program, ...positional], args.length > positional.length ? options : undefined);
}

/**
 * Runs `cmd` through the shell, `/bin/sh -c cmd` (asyncio.create_subprocess_shell); the
 * options are createSubprocessExec's. Quote what goes into `cmd` yourself.
 * @example
 * const proc = yield* createSubprocessShell("ls /zzz", { stdout: PIPE, stderr: PIPE });
 * const [out, err] = yield* proc.communicate();
 */
export function createSubprocessShell(cmd: string, options?: CreateSubprocessOptions): Future<Process> {
  return create("createSubprocessShell", true, [cmd], options);
}
