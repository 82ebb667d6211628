// Subprocesses (asyncio.subprocess, loop.subprocessExec/subprocessShell) with real children
// (`sh`, `cat`, `echo`, `sleep`) on real-clock loops run with `await runUntilComplete()`, and
// the transport's bookkeeping against a fake host on the virtual clock. Nothing waits on time:
// a test waits for the child's output, its exit (processExited) or the host's exit event.
import { afterEach, describe, expect, it } from "vitest";
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  CancelledError,
  DEVNULL,
  EventLoop,
  FileNotFoundError,
  OSError,
  PIPE,
  PermissionError,
  ProcessLookupError,
  RuntimeError,
  STDOUT,
  SubprocessProtocol,
  createSubprocessExec,
  createSubprocessShell,
  gather,
  sleep,
  waitFor,
  type SubprocessTransport,
} from "../../src/index.js";
import type { ReadEnd, ReadSink, WriteEnd, WriteSink } from "../../src/io/pipe-ends.js";
import type { HostChild, ProcessHost } from "../../src/io/spawn.js";
import { checkChildSpec, makeSubprocessTransport } from "../../src/io/subprocess-transport.js";
import { hostOpsInFlight } from "../../src/io/host-ops.js";

const enc = new TextEncoder();
const b = (s: string) => enc.encode(s);
const s = (u: Uint8Array | null) => (u === null ? null : new TextDecoder().decode(u));

const loops: EventLoop[] = [];

/** A real-clock loop, closed after the test. */
function newLoop(): EventLoop {
  const loop = new EventLoop();
  loops.push(loop);
  return loop;
}

afterEach(() => {
  for (const loop of loops.splice(0)) if (!loop.isClosed()) loop.close();
});

/** Runs `body` as a task on a new real-clock loop. */
function run<T>(body: (loop: EventLoop) => Generator<unknown, T, any>): Promise<T> {
  const loop = newLoop();
  return loop.runUntilComplete(body(loop));
}

/** A SubprocessProtocol that records its calls and completes `done` at connectionLost. */
class Recorder extends SubprocessProtocol {
  events: string[] = [];
  data: Record<number, string> = { 1: "", 2: "" };
  transport: SubprocessTransport | null = null;
  constructor(
    readonly done: { setResult(v: null): void },
    readonly exited?: { setResult(v: null): void },
  ) {
    super();
  }
  override connectionMade(t: SubprocessTransport): void {
    this.transport = t;
    this.events.push("connectionMade");
  }
  override pipeDataReceived(fd: number, data: Uint8Array): void {
    this.data[fd] += s(data);
    if (!this.events.includes(`data${fd}`)) this.events.push(`data${fd}`);
  }
  override pipeConnectionLost(fd: number, exc: Error | null): void {
    this.events.push(`pipeConnectionLost${fd} ${exc}`);
  }
  override processExited(): void {
    this.events.push("processExited");
    this.exited?.setResult(null);
  }
  override connectionLost(exc: Error | null): void {
    this.events.push(`connectionLost ${exc}`);
    this.done.setResult(null);
  }
}

describe("createSubprocessExec", () => {
  it("communicate() returns stdout and stderr and sets the returncode", async () => {
    const out = await run(function* () {
      const proc = yield* createSubprocessExec("sh", "-c", "echo hi; echo err 1>&2; exit 3", { stdout: PIPE, stderr: PIPE });
      const [o, e] = yield* proc.communicate();
      return [s(o), s(e), proc.returncode, yield* proc.wait()];
    });
    expect(out).toEqual(["hi\n", "err\n", 3, 3]);
  });

  it("echo's output read line by line until EOF", async () => {
    const lines = await run(function* () {
      const proc = yield* createSubprocessExec("echo", "one\ntwo\nthree", { stdout: PIPE });
      const got: string[] = [];
      for (let line; (line = yield* proc.stdout!.readline()).length > 0; ) got.push(s(line)!);
      got.push(`rc ${yield* proc.wait()}`);
      return got;
    });
    expect(lines).toEqual(["one\n", "two\n", "three\n", "rc 0"]);
  });

  it("cat round-trips what is written to stdin, after drain() and close()", async () => {
    const out = await run(function* () {
      const proc = yield* createSubprocessExec("cat", { stdin: PIPE, stdout: PIPE });
      proc.stdin!.write(b("some "));
      proc.stdin!.write("data");
      yield* proc.stdin!.drain();
      proc.stdin!.close();
      const data = yield* proc.stdout!.read();
      return [s(data), yield* proc.wait()];
    });
    expect(out).toEqual(["some data", 0]);
  });

  it("communicate() with several MB of input through cat loses nothing", async () => {
    const input = new Uint8Array(4_000_000).map((_, i) => (i * 7) % 251);
    const out = await run(function* () {
      const proc = yield* createSubprocessExec("cat", { stdin: PIPE, stdout: PIPE });
      const [o] = yield* proc.communicate(input);
      return [o!, proc.returncode] as const;
    });
    expect(out[0].length).toBe(input.length);
    expect(out[0].every((v, i) => v === input[i])).toBe(true);
    expect(out[1]).toBe(0);
  });

  it("a child writing several MB on stdout and on stderr at once is read whole", async () => {
    const out = await run(function* () {
      const proc = yield* createSubprocessShell(
        "head -c 5000000 /dev/zero | tr '\\0' x & head -c 3000000 /dev/zero | tr '\\0' y >&2; wait",
        { stdout: PIPE, stderr: PIPE },
      );
      const [o, e] = yield* proc.communicate();
      return [o!.length, o!.every((v) => v === 0x78), e!.length, e!.every((v) => v === 0x79), proc.returncode];
    });
    expect(out).toEqual([5_000_000, true, 3_000_000, true, 0]);
  });

  it("keeps output written before the child exited though nobody read it until after the exit", async () => {
    const out = await run(function* () {
      const proc = yield* createSubprocessExec("sh", "-c", "echo kept", { stdout: PIPE });
      const rc = yield* proc.wait();
      return [rc, s(yield* proc.stdout!.read())];
    });
    expect(out).toEqual([0, "kept\n"]);
  });

  it("holds a child back while nobody reads: the reader's buffer stays under 2 × limit plus one chunk", async () => {
    // what arrived while the pipes were being connected is handed over at connectionMade,
    // as in asyncio; from the first time the buffer is down to the limit, it stays bounded
    const limit = 1024;
    const out = await run(function* () {
      const proc = yield* createSubprocessExec("head", "-c", "2000000", "/dev/zero", { stdout: PIPE, limit });
      let total = 0;
      let largest = 0;
      let steady = false;
      for (;;) {
        const chunk = yield* proc.stdout!.read(512);
        if (chunk.length === 0) break;
        total += chunk.length;
        const buffered = (proc.stdout as any)._bufferBytes().length;
        steady ||= buffered <= limit;
        if (steady) largest = Math.max(largest, buffered);
        if (total % (64 * 1024) === 0) yield* sleep(0); // a slow consumer: give the host a turn now and then
      }
      return [total, largest, yield* proc.wait()];
    });
    expect(out[0]).toBe(2_000_000);
    expect(out[1]).toBeLessThanOrEqual(2 * limit + 65536);
    expect(out[2]).toBe(0);
  });

  it("stderr=STDOUT puts both streams on one pipe in the order written", async () => {
    const out = await run(function* () {
      const proc = yield* createSubprocessExec("sh", "-c", "echo 1; echo 2 >&2; echo 3; echo 4 >&2; exit 6", { stdout: PIPE, stderr: STDOUT });
      const [o, e] = yield* proc.communicate();
      return [proc.stderr, s(o), e, proc.returncode];
    });
    expect(out).toEqual([null, "1\n2\n3\n4\n", null, 6]);
  });

  it("stderr=STDOUT runs the program itself: its pid, its signals", async () => {
    const out = await run(function* () {
      const proc = yield* createSubprocessExec("sh", "-c", "echo $$; exec sleep 30", { stdout: PIPE, stderr: STDOUT });
      const pid = Number(s(yield* proc.stdout!.readline()));
      proc.kill();
      return [pid === proc.pid, yield* proc.wait()];
    });
    expect(out).toEqual([true, -9]);
  });

  it("stderr=STDOUT still raises FileNotFoundError and PermissionError for programs that cannot run", async () => {
    const out = await run(function* () {
      const got: string[] = [];
      for (const prog of ["wasmloop-no-such-program", "/wasmloop/no/such", "/etc/passwd"]) {
        try {
          yield* createSubprocessExec(prog, { stdout: PIPE, stderr: STDOUT });
        } catch (e) {
          got.push(`${(e as Error).name}: ${(e as Error).message}`);
        }
      }
      return got;
    });
    expect(out).toEqual([
      "FileNotFoundError: [Errno 2] No such file or directory: 'wasmloop-no-such-program'",
      "FileNotFoundError: [Errno 2] No such file or directory: '/wasmloop/no/such'",
      "PermissionError: [Errno 13] Permission denied: '/etc/passwd'",
    ]);
  });

  it("DEVNULL: stdin reads an end of file at once, stdout goes nowhere", async () => {
    const out = await run(function* () {
      const a = yield* createSubprocessExec("cat", { stdin: DEVNULL, stdout: PIPE });
      const [o1] = yield* a.communicate();
      const c = yield* createSubprocessExec("sh", "-c", "echo gone; echo here >&2", { stdout: DEVNULL, stderr: PIPE });
      const [o2, e2] = yield* c.communicate();
      return [a.stdin, s(o1), c.stdout, o2, s(e2)];
    });
    expect(out).toEqual([null, "", null, null, "here\n"]);
  });

  it("streams not given are the parent's: stdin, stdout and stderr are null", async () => {
    const out = await run(function* () {
      const proc = yield* createSubprocessExec("true");
      return [proc.stdin, proc.stdout, proc.stderr, yield* proc.communicate(), proc.returncode];
    });
    expect(out).toEqual([null, null, null, [null, null], 0]);
  });

  it("env is the child's whole environment and cwd its directory", async () => {
    const out = await run(function* () {
      const proc = yield* createSubprocessExec("sh", "-c", 'echo "$FOO ${HOME-nohome}"; pwd', {
        stdout: PIPE,
        env: { FOO: "bar", PATH: "/usr/bin:/bin" },
        cwd: "/",
      });
      return s((yield* proc.communicate())[0]);
    });
    expect(out).toBe("bar nohome\n/\n");
  });

  it("startNewSession: the child leads a session of its own", async () => {
    const out = await run(function* () {
      const proc = yield* createSubprocessExec("sh", "-c", "cut -d' ' -f6 /proc/$$/stat", { stdout: PIPE, startNewSession: true });
      const [o] = yield* proc.communicate();
      return Number(s(o)) === proc.pid;
    });
    expect(out).toBe(true);
  });

  it("a file descriptor of this process as the child's stdout", async () => {
    const dir = mkdtempSync(join(tmpdir(), "wasmloop-fd-"));
    const fd = openSync(join(dir, "out.txt"), "w");
    try {
      const rc = await run(function* () {
        const proc = yield* createSubprocessExec("echo", "into the file", { stdout: fd });
        return [proc.stdout, yield* proc.wait()];
      });
      expect(rc).toEqual([null, 0]);
      expect(readFileSync(join(dir, "out.txt"), "utf8")).toBe("into the file\n");
    } finally {
      closeSync(fd);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("a missing program raises FileNotFoundError naming it, and the loop runs on", async () => {
    const out = await run(function* () {
      let err: unknown = null;
      try {
        yield* createSubprocessExec("wasmloop-no-such-program", "-v");
      } catch (e) {
        err = e;
      }
      const proc = yield* createSubprocessExec("sh", "-c", "exit 4");
      return [err, yield* proc.wait()] as const;
    });
    expect(out[0]).toBeInstanceOf(FileNotFoundError);
    expect(out[0]).toBeInstanceOf(OSError);
    expect((out[0] as FileNotFoundError).errno).toBe(2);
    expect((out[0] as Error).message).toBe("[Errno 2] No such file or directory: 'wasmloop-no-such-program'");
    expect(out[1]).toBe(4);
  });

  it("a working directory that does not exist raises FileNotFoundError naming it", async () => {
    const err = await run(function* () {
      try {
        yield* createSubprocessExec("sh", "-c", "true", { cwd: "/wasmloop-no-such-dir" });
      } catch (e) {
        return e as Error;
      }
      return null;
    });
    expect(err).toBeInstanceOf(FileNotFoundError);
    expect(err!.message).toBe("[Errno 2] No such file or directory: '/wasmloop-no-such-dir'");
  });

  it("a file that is not executable raises PermissionError", async () => {
    const err = await run(function* () {
      try {
        yield* createSubprocessExec("/etc/passwd");
      } catch (e) {
        return e;
      }
      return null;
    });
    expect(err).toBeInstanceOf(PermissionError);
    expect((err as PermissionError).errno).toBe(13);
  });

  it("a child killed during communicate(): communicate returns what was read, the returncode is -9", async () => {
    const out = await run(function* (loop) {
      const proc = yield* createSubprocessExec("sh", "-c", "printf 'one\\ntwo\\n'; exec sleep 30", { stdout: PIPE });
      const first = s(yield* proc.stdout!.readline());
      const task = loop.createTask(proc.communicate());
      yield* sleep(0);
      proc.kill();
      const [o] = yield* task;
      return [first, s(o), proc.returncode];
    });
    expect(out).toEqual(["one\n", "two\n", -9]);
  });

  it("kill(), terminate() and sendSignal() end a child with minus the signal's number", async () => {
    const out = await run(function* () {
      const got: number[] = [];
      for (const how of [
        (p: any) => p.kill(),
        (p: any) => p.terminate(),
        (p: any) => p.sendSignal("SIGHUP"),
        (p: any) => p.sendSignal(2),
        (p: any) => p.sendSignal("SIGUSR1"),
      ]) {
        const proc = yield* createSubprocessExec("sleep", "30");
        how(proc);
        got.push(yield* proc.wait());
      }
      return got;
    });
    expect(out).toEqual([-9, -15, -1, -2, -10]);
  });

  it("sendSignal refuses an unknown name (RangeError), a non-integer (TypeError), an unknown number (OSError EINVAL); the child runs on", async () => {
    const out = await run(function* () {
      const proc = yield* createSubprocessExec("sleep", "30");
      const got: string[] = [];
      for (const sig of ["SIGNOPE", 1.5, "", null, 999]) {
        try {
          proc.sendSignal(sig as any);
          got.push("sent?!");
        } catch (e) {
          got.push(`${(e as Error).name}${e instanceof OSError ? ` ${e.errno}` : ""}`);
        }
      }
      proc.sendSignal(0); // checks the process exists: nothing to send
      got.push(`returncode ${proc.returncode}`);
      proc.kill();
      got.push(`wait ${yield* proc.wait()}`);
      return got;
    });
    expect(out).toEqual(["RangeError", "TypeError", "RangeError", "TypeError", "OSError 22", "returncode null", "wait -9"]);
  });

  it("once a wait() made while the child ran has returned, sendSignal, terminate and kill raise ProcessLookupError", async () => {
    const out = await run(function* (loop) {
      // wait() starts while the child surely runs: a wait() begun after the exit but before the
      // transport finished returns at once, and signals then still do nothing (asyncio's window)
      const proc = yield* createSubprocessExec("sleep", "30");
      loop.callSoon(() => proc.kill());
      yield* proc.wait();
      const got: string[] = [];
      for (const call of [() => proc.sendSignal("SIGTERM"), () => proc.terminate(), () => proc.kill()]) {
        try {
          call();
          got.push("nothing");
        } catch (e) {
          got.push(e instanceof ProcessLookupError && e instanceof OSError ? `${e.name} '${e.message}'` : String(e));
        }
      }
      return got;
    });
    expect(out).toEqual(Array(3).fill("ProcessLookupError ''"));
  });

  it("after the exit but before the pipes close, returncode is set, signals do nothing and wait() waits for the pipes", async () => {
    const out = await run(function* (loop) {
      const exited = loop.createFuture<null>();
      const done = loop.createFuture<null>();
      // the child exits; its background grandchild holds stdout open until the test kills it
      const [transport, protocol] = yield* loop.subprocessExec(
        () => new Recorder(done, exited),
        "sh", "-c", "sleep 30 & echo $!; exit 5",
        { stdin: null, stderr: null },
      );
      const got: unknown[] = [];
      yield* exited;
      got.push(transport.getReturncode());
      transport.kill(); // the child is gone: nothing happens
      transport.sendSignal("SIGTERM");
      got.push(done.done());
      process.kill(Number(protocol.data[1].trim()), "SIGKILL");
      yield* done;
      got.push(protocol.events.at(-1));
      try {
        transport.kill();
      } catch (e) {
        got.push((e as Error).name);
      }
      return got;
    });
    expect(out).toEqual([5, false, "connectionLost null", "ProcessLookupError"]);
  });

  // whether the waiters finish before communicate() returns depends on when the host reports the
  // exit against stdout's EOF (in asyncio too): what holds is that they wait for the pipes
  it("wait() returns after the pipes closed: waiters started while the child ran get the returncode in order, stdout at EOF", async () => {
    const out = await run(function* (loop) {
      const order: string[] = [];
      const proc = yield* createSubprocessExec("sh", "-c", "cat; exit 5", { stdin: PIPE, stdout: PIPE });
      const waiter = function* (name: string) {
        const rc = yield* proc.wait();
        order.push(`${name} ${proc.stdout!.atEof()}`);
        return rc;
      };
      const waits = [0, 1, 2].map((i) => loop.createTask(waiter(`wait${i}`)));
      yield* sleep(0);
      const pending = waits.map((t) => t.done());
      const [o] = yield* proc.communicate(b("data"));
      return [pending, s(o), yield* gather(...waits), order];
    });
    expect(out).toEqual([[false, false, false], "data", [5, 5, 5], ["wait0 true", "wait1 true", "wait2 true"]]);
  });

  it("wait() on a child that has finished returns at once", async () => {
    const out = await run(function* (loop) {
      const proc = yield* createSubprocessExec("sh", "-c", "exit 2");
      yield* proc.wait();
      const task = loop.createTask(proc.wait());
      yield* sleep(0);
      return [task.done(), task.result()];
    });
    expect(out).toEqual([true, 2]);
  });

  it("cancelling wait() leaves the child running", async () => {
    const out = await run(function* (loop) {
      const proc = yield* createSubprocessExec("sleep", "30");
      const task = loop.createTask(proc.wait());
      yield* sleep(0);
      task.cancel();
      let cancelled = false;
      try {
        yield* task;
      } catch (e) {
        cancelled = e instanceof CancelledError;
      }
      const rc = proc.returncode;
      proc.kill();
      return [cancelled, rc, yield* proc.wait()];
    });
    expect(out).toEqual([true, null, -9]);
  });

  it("communicate() ignores a child that exits without reading its input (BrokenPipeError)", async () => {
    const contexts: unknown[] = [];
    const out = await run(function* (loop) {
      loop.setExceptionHandler((_l, ctx) => contexts.push(ctx));
      const proc = yield* createSubprocessExec("sh", "-c", "exit 0", { stdin: PIPE });
      return [yield* proc.communicate(new Uint8Array(3_000_000)), proc.returncode];
    });
    expect(out).toEqual([[null, null], 0]);
    expect(contexts).toEqual([]);
  });

  it("stdin.waitClosed() returns once the pipe is closed; the writer is closing", async () => {
    const out = await run(function* () {
      const proc = yield* createSubprocessExec("cat", { stdin: PIPE, stdout: DEVNULL });
      const before = proc.stdin!.isClosing();
      proc.stdin!.close();
      yield* proc.stdin!.waitClosed();
      return [before, proc.stdin!.isClosing(), proc.stdin!.canWriteEof(), yield* proc.wait()];
    });
    expect(out).toEqual([false, true, true, 0]);
  });

  it("runs on the loop that awaits it when made outside a running loop", async () => {
    const loop = newLoop();
    const proc = await loop.runUntilComplete(createSubprocessExec("echo", "outside", { stdout: PIPE }));
    const [o] = await loop.runUntilComplete(proc.communicate());
    expect([s(o), proc.returncode, String(proc)]).toEqual(["outside\n", 0, `<Process ${proc.pid}>`]);
  });
});

describe("createSubprocessShell", () => {
  it("runs the command line through /bin/sh: pipelines, variables, redirections, exit status", async () => {
    const out = await run(function* () {
      const proc = yield* createSubprocessShell("printf 'b\\na\\n' | sort; x=4; echo $((x * 2)) >&2; exit 9", { stdout: PIPE, stderr: PIPE });
      const [o, e] = yield* proc.communicate();
      return [s(o), s(e), proc.returncode];
    });
    expect(out).toEqual(["a\nb\n", "8\n", 9]);
  });

  it("a command that is not found is the shell's exit status 127, as in asyncio", async () => {
    const out = await run(function* () {
      const proc = yield* createSubprocessShell("wasmloop-no-such-program", { stderr: DEVNULL });
      return yield* proc.wait();
    });
    expect(out).toBe(127);
  });
});

describe("bad input", () => {
  const bad: [string, () => unknown, string, RegExp][] = [
    ["text", () => createSubprocessExec("true", { text: true }), "RangeError", /createSubprocessExec: text must be false/],
    ["encoding", () => createSubprocessExec("true", { encoding: "utf-8" }), "RangeError", /encoding must be null/],
    ["errors", () => createSubprocessExec("true", { errors: "strict" }), "RangeError", /errors must be null/],
    ["universalNewlines", () => createSubprocessExec("true", { universalNewlines: true }), "RangeError", /universalNewlines must be false/],
    ["bufsize", () => createSubprocessExec("true", { bufsize: 1 }), "RangeError", /bufsize must be 0/],
    ["shell on exec", () => createSubprocessExec("true", { shell: true }), "RangeError", /shell must be false/],
    ["shell false on shell", () => createSubprocessShell("true", { shell: false }), "RangeError", /shell must be true/],
    ["cmd not a string", () => createSubprocessShell(42 as any), "RangeError", /createSubprocessShell: cmd must be a string, got number 42/],
    ["an argument not a string", () => createSubprocessExec("echo", 42 as any), "TypeError", /args\[0\] must be a string, got number 42/],
    ["program not a string", () => createSubprocessExec(null as any), "TypeError", /program must be a string/],
    ["a NUL byte", () => createSubprocessExec("echo", "a\0b"), "RangeError", /args\[0\] contains an embedded null byte/],
    ["stdin a string", () => createSubprocessExec("true", { stdin: "pipe" as any }), "TypeError", /stdin must be PIPE, DEVNULL, a file descriptor or null, got string "pipe"/],
    ["stdout STDOUT", () => createSubprocessExec("true", { stdout: STDOUT }), "RangeError", /stdout cannot be STDOUT/],
    ["env value", () => createSubprocessExec("true", { env: { A: 1 as any } }), "TypeError", /env\["A"\] must be a string/],
    ["env name", () => createSubprocessExec("true", { env: { "A=B": "x" } }), "RangeError", /illegal environment variable name "A=B"/],
    ["cwd", () => createSubprocessExec("true", { cwd: 5 as any }), "TypeError", /cwd must be a string/],
    ["limit", () => createSubprocessExec("true", { limit: 0 }), "RangeError", /limit must be > 0/],
    ["unknown option", () => createSubprocessExec("true", { stdotu: PIPE } as any), "TypeError", /unknown option "stdotu"/],
  ];
  for (const [name, call, type, message] of bad) {
    it(`refuses ${name} when called, naming it: ${type}`, () => {
      let err: unknown = null;
      try {
        call();
      } catch (e) {
        err = e;
      }
      expect((err as Error)?.name).toBe(type);
      expect((err as Error).message).toMatch(message);
    });
  }

  it("communicate() refuses input that is not bytes (TypeError naming it); the process goes on", async () => {
    const out = await run(function* () {
      const proc = yield* createSubprocessExec("cat", { stdin: PIPE, stdout: PIPE });
      let err = "";
      try {
        proc.communicate(42 as any);
      } catch (e) {
        err = `${(e as Error).name}: ${(e as Error).message}`;
      }
      const [o] = yield* proc.communicate("fine");
      return [err, s(o)];
    });
    expect(out[0]).toMatch(/^TypeError: Process.communicate: data must be a Uint8Array/);
    expect(out[1]).toBe("fine");
  });
});

describe("loop.subprocessExec / subprocessShell", () => {
  it("a SubprocessProtocol gets connectionMade first, each pipe's data then its end, processExited, connectionLost last", async () => {
    const out = await run(function* (loop) {
      const done = loop.createFuture<null>();
      const [transport, protocol] = yield* loop.subprocessExec(() => new Recorder(done), "sh", "-c", "echo out; echo err >&2; exit 7");
      yield* done;
      return [protocol, transport] as const;
    });
    const [protocol, transport] = out;
    const ev = protocol.events;
    expect(ev[0]).toBe("connectionMade");
    expect(ev.at(-1)).toBe("connectionLost null");
    expect(new Set(ev)).toEqual(
      new Set(["connectionMade", "data1", "data2", "pipeConnectionLost0 null", "pipeConnectionLost1 null", "pipeConnectionLost2 null", "processExited", "connectionLost null"]),
    );
    expect(ev.indexOf("data1")).toBeLessThan(ev.indexOf("pipeConnectionLost1 null"));
    expect(ev.indexOf("data2")).toBeLessThan(ev.indexOf("pipeConnectionLost2 null"));
    expect(protocol.data).toEqual({ 1: "out\n", 2: "err\n" });
    expect(protocol.transport).toBe(transport);
    expect(transport.getReturncode()).toBe(7);
  });

  it("stdin, stdout and stderr are PIPE by default: three pipe transports", async () => {
    const out = await run(function* (loop) {
      const done = loop.createFuture<null>();
      const [t] = yield* loop.subprocessExec(() => new Recorder(done), "cat");
      const kinds = [0, 1, 2, 3].map((fd) => String(t.getPipeTransport(fd)).split(" ")[0]);
      t.getPipeTransport(0)!.close(); // cat reads EOF and exits
      yield* done;
      return [kinds, t.getExtraInfo("subprocess") === null, typeof t.getPid()];
    });
    expect(out).toEqual([["<WritePipeTransport", "<ReadPipeTransport", "<ReadPipeTransport", "null"], false, "number"]);
  });

  it("close() kills a running child and closes its pipes; connectionLost follows with the returncode -9", async () => {
    const out = await run(function* (loop) {
      const done = loop.createFuture<null>();
      const [t, p] = yield* loop.subprocessExec(() => new Recorder(done), "sleep", "30", { stdin: DEVNULL });
      t.close();
      const closing = t.isClosing();
      yield* done;
      return [closing, t.getReturncode(), p.events.at(-1)];
    });
    expect(out).toEqual([true, -9, "connectionLost null"]);
  });

  it("subprocessShell runs one command line through /bin/sh", async () => {
    const out = await run(function* (loop) {
      const done = loop.createFuture<null>();
      const [t, p] = yield* loop.subprocessShell(() => new Recorder(done), "echo $0; exit 3", { stdin: null, stderr: null });
      yield* done;
      return [p.data[1], t.getReturncode()];
    });
    expect(out).toEqual(["/bin/sh\n", 3]);
  });

  it("refuses a protocolFactory that is not a function and a shell call with several arguments", () => {
    const loop = newLoop();
    expect(() => loop.subprocessExec(null as any, "true")).toThrow(/subprocessExec: protocolFactory must be a function, got null/);
    expect(() => (loop as any).subprocessShell(() => new SubprocessProtocol(), "echo", "x")).toThrow(/subprocessShell: takes one command line/);
    expect(() => (loop as any).subprocessExec(() => new SubprocessProtocol())).toThrow(/subprocessExec: program must be a string, got undefined/);
  });
});

describe("host events and the loop", () => {
  it("runUntilCompleteSync refuses to start a child (RuntimeError), and to run while one is in flight", async () => {
    const loop = newLoop();
    expect(() => loop.runUntilCompleteSync(createSubprocessExec("true"))).toThrow(
      /createSubprocessExec: child processes and pipes report through host events, which runUntilCompleteSync cannot receive/,
    );
    const proc = await loop.runUntilComplete(createSubprocessExec("cat", { stdin: PIPE, stdout: DEVNULL }));
    expect(hostOpsInFlight(loop)).toBeGreaterThan(0);
    expect(() => loop.runUntilCompleteSync(sleep(0))).toThrow(RuntimeError);
    expect(() => loop.runUntilCompleteSync(sleep(0))).toThrow(/runUntilCompleteSync: \d child processes or pipes of this loop report through host events/);
    proc.stdin!.close();
    expect(await loop.runUntilComplete(proc.wait())).toBe(0);
    expect(hostOpsInFlight(loop)).toBe(0);
    expect(loop.runUntilCompleteSync(sleep(0, "sync again"))).toBe("sync again");
  });

  it("a virtual clock stands still while a child runs: a timeout on its wait does not fire before it exits", async () => {
    const loop = new EventLoop({ clock: "virtual" });
    const proc = await loop.runUntilComplete(createSubprocessExec("sh", "-c", "exit 3"));
    expect(await loop.runUntilComplete(waitFor(proc.wait(), 5))).toBe(3);
    expect(loop.time()).toBe(0);
    // with no child in flight, the clock jumps again
    await loop.runUntilComplete(sleep(5));
    expect(loop.time()).toBe(5);
    loop.close();
  });

  it("loop.close() lets go of a child in flight: its pipes close, so cat reads EOF and exits", async () => {
    const loop = newLoop();
    const [t] = await loop.runUntilComplete(loop.subprocessExec(() => new SubprocessProtocol(), "cat"));
    const child = t.getExtraInfo("subprocess") as import("node:child_process").ChildProcess;
    const exited = new Promise((resolve) => child.once("exit", (code, signal) => resolve([code, signal])));
    loop.close();
    expect(hostOpsInFlight(loop)).toBe(0);
    expect(await exited).toEqual([0, null]);
  });
});

/** A read end the test feeds. */
class FakeRead implements ReadEnd {
  sink: ReadSink | null = null;
  log: string[] = [];
  start(sink: ReadSink): void {
    this.sink = sink;
    this.log.push("start");
  }
  pause(): void {
    this.log.push("pause");
  }
  resume(): void {
    this.log.push("resume");
  }
  close(): void {
    this.log.push("close");
  }
}

/** A write end that takes every write at once. */
class FakeWrite implements WriteEnd {
  sink: WriteSink | null = null;
  log: string[] = [];
  start(sink: WriteSink): void {
    this.sink = sink;
  }
  write(chunk: Uint8Array, done: (exc: unknown) => void): void {
    this.log.push(`write ${s(chunk)}`);
    queueMicrotask(() => done(null));
  }
  end(): void {
    this.log.push("end");
  }
  abort(): void {
    this.log.push("abort");
  }
}

/** A child of the fake host: the test says when it has started and when it exits. */
class FakeChild {
  readonly stdin = new FakeWrite();
  readonly stdout = new FakeRead();
  readonly stderr = new FakeRead();
  kills: string[] = [];
  unrefs = 0;
  onExit: (rc: number) => void;
  #resolve!: (c: HostChild) => void;
  readonly promise = new Promise<HostChild>((r) => (this.#resolve = r));
  constructor(onExit: (rc: number) => void) {
    this.onExit = onExit;
  }
  spawned(): void {
    this.#resolve({
      pid: 4242,
      stdin: this.stdin,
      stdout: this.stdout,
      stderr: this.stderr,
      handle: this,
      kill: (signal) => void this.kills.push(signal),
      unref: () => void this.unrefs++,
    });
  }
}

/** A ProcessHost whose children are FakeChild: every pipe is a fake end. */
function fakeHost(startAtOnce = true): { host: ProcessHost; children: FakeChild[] } {
  const children: FakeChild[] = [];
  const host: ProcessHost = {
    name: "fake",
    windows: false,
    signals: { SIGHUP: 1, SIGKILL: 9, SIGTERM: 15 },
    spawn(_request, onExit) {
      const child = new FakeChild(onExit);
      children.push(child);
      if (startAtOnce) child.spawned();
      return child.promise;
    },
  };
  return { host, children };
}

const PIPES = checkChildSpec("test", false, ["prog"], {}, PIPE);

describe("the subprocess transport's bookkeeping (a fake host, the virtual clock)", () => {
  it("an exit reported before the pipes are connected reaches the protocol right after connectionMade", async () => {
    const loop = new EventLoop({ clock: "virtual" });
    loops.push(loop);
    const { host, children } = fakeHost();
    const events = await loop.runUntilComplete(
      (function* () {
        const done = loop.createFuture<null>();
        const making = loop.createTask(makeSubprocessTransport(loop, "test", () => new Recorder(done), host, PIPES));
        yield* sleep(0);
        children[0].onExit(3); // the child ended at once
        const [, p] = yield* making;
        return [...p.events];
      })(),
    );
    // the calls held back are delivered right after connectionMade, before the creator resumes (asyncio's order)
    expect(events).toEqual(["connectionMade", "processExited"]);
  });

  it("a wait() started before the exit returns only once every pipe has closed, after connectionLost", async () => {
    const loop = new EventLoop({ clock: "virtual" });
    loops.push(loop);
    const { host, children } = fakeHost();
    const out = await loop.runUntilComplete(
      (function* () {
        const done = loop.createFuture<null>();
        const [t, p] = yield* makeSubprocessTransport(loop, "test", () => new Recorder(done), host, PIPES);
        const waiting = loop.createTask((t as any)._wait() as Generator<unknown, number>);
        const c = children[0];
        c.stdout.sink!.data(b("out"));
        c.stdout.sink!.end();
        c.stderr.sink!.end();
        c.onExit(3);
        for (let i = 0; i < 10; i++) yield* sleep(0);
        const before = [waiting.done(), t.getReturncode(), done.done()];
        c.stdin.sink!.closed(null); // the child's exit closed its stdin
        const rc = yield* waiting;
        return [before, rc, p.events, done.done()];
      })(),
    );
    expect(out[0]).toEqual([false, 3, false]);
    expect(out[1]).toBe(3);
    expect(out[3]).toBe(true);
    const ev = out[2] as string[];
    expect(ev[0]).toBe("connectionMade");
    expect(ev.at(-1)).toBe("connectionLost null");
    expect(ev.indexOf("data1")).toBeLessThan(ev.indexOf("pipeConnectionLost1 null"));
    expect(ev.indexOf("pipeConnectionLost0 null")).toBeGreaterThan(ev.indexOf("processExited"));
  });

  it("a child that starts after its creator was cancelled is killed and its pipes closed", async () => {
    const loop = new EventLoop({ clock: "virtual" });
    loops.push(loop);
    const { host, children } = fakeHost(false);
    const cancelled = await loop.runUntilComplete(
      (function* () {
        const making = loop.createTask(makeSubprocessTransport(loop, "test", () => new SubprocessProtocol(), host, PIPES));
        yield* sleep(0);
        making.cancel();
        try {
          yield* making;
        } catch (e) {
          return e instanceof CancelledError;
        }
        return false;
      })(),
    );
    expect(cancelled).toBe(true);
    const c = children[0];
    c.spawned();
    await loop.runUntilComplete(sleep(0));
    await loop.runUntilComplete(sleep(0));
    expect(c.kills).toEqual(["SIGKILL"]);
    expect([c.stdout.log, c.stderr.log, c.stdin.log]).toEqual([["close"], ["close"], ["abort"]]);
    expect(hostOpsInFlight(loop)).toBe(0);
  });

  it("close() kills a child still running, once; not one whose exit the host has reported", async () => {
    const loop = new EventLoop({ clock: "virtual" });
    loops.push(loop);
    const { host, children } = fakeHost();
    await loop.runUntilComplete(
      (function* () {
        const [running] = yield* makeSubprocessTransport(loop, "test", () => new SubprocessProtocol(), host, PIPES);
        running.close();
        running.close();
        const [ended] = yield* makeSubprocessTransport(loop, "test", () => new SubprocessProtocol(), host, PIPES);
        children[1].onExit(0); // its news has not reached the loop yet: Popen.poll() would know
        ended.close();
      })(),
    );
    expect(children.map((c) => c.kills)).toEqual([["SIGKILL"], []]);
    expect(children[0].stdout.log).toContain("close");
    expect(children[0].stdin.log).toContain("end");
  });

  it("loop.close() unrefs a child in flight and closes its pipes, calling no protocol", async () => {
    const loop = new EventLoop({ clock: "virtual" });
    const { host, children } = fakeHost();
    const done = loop.createFuture<null>();
    const [, p] = await loop.runUntilComplete(makeSubprocessTransport(loop, "test", () => new Recorder(done), host, PIPES));
    loop.close();
    const c = children[0];
    expect(c.unrefs).toBe(1);
    expect(c.stdout.log.filter((x) => x === "close").length).toBeGreaterThan(0);
    expect(c.stdin.log).toContain("abort");
    c.onExit(0); // news after the close is dropped
    expect(p.events).toEqual(["connectionMade"]);
    expect(c.kills).toEqual([]);
  });
});
