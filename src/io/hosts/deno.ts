/**
 * The I/O host of Deno: Deno's node:net/node:tls (the Node host, reached the same way), behind
 * Deno's permissions. Without `--allow-net` for the address, Deno's node:net throws outside
 * any call (an uncaught NotCapable); this host asks first (`Deno.permissions.querySync`) and
 * refuses with PermissionError naming the permission to grant. A permission in the "prompt"
 * state counts as not granted: the loop never stops to ask.
 *
 * Deno: the executor's workers are module Web Workers from a Blob URL, as in browsers
 * (browser.ts); started that way they need no permission flag (what the called code does
 * inside needs the usual ones: a module URL on disk needs --allow-read).
 *
 * Not Deno's node:worker_threads, though it could unref() idle workers: loading any node:
 * module makes Deno bootstrap its Node layer, which replaces the global MessageChannel and
 * MessagePort and adds `nodeBootstrap`, and the package changes no global. The price: a Deno
 * Web Worker has no unref(), so idle workers keep `deno run` alive until their executor is
 * shut down (loop.close(), shutdownDefaultExecutor(), pool.shutdown(); run() does it).
 * Deno.exit() and close() in a worker end it silently; the worker script reports both first.
 */
import type { ConnectRequest, IoHost, ListenRequest } from "./host.js";
import { nodeHost } from "./node.js";
import { Settle } from "./settle.js";
import type { WorkerEvents, WorkerPort, WorkerScript } from "../threads.js";
import { spawnWebWorker } from "./browser.js";
import { FileNotFoundError, NotImplementedError, OSError, PermissionError } from "../../exceptions.js";
import { webReadEnd, webWriteEnd, type WriteEnd, type WriteSink } from "../pipe-ends.js";
import type { ProcessHost, SpawnRequest } from "../spawn.js";

interface DenoPermissions {
  querySync(desc: { name: string; host?: string; path?: string }): { state: string };
}

/** Deno's host, or null outside Deno (or in a Deno without process.getBuiltinModule). */
export function denoHost(): IoHost | null {
  const deno = (globalThis as { Deno?: { permissions?: DenoPermissions; version?: { deno?: string } } }).Deno;
  if (deno === undefined || typeof deno.permissions?.querySync !== "function") return null;
  const base = nodeHost();
  if (base === null || base.connect === undefined || base.listen === undefined) return null;
  const permissions = deno.permissions;
  const denied = (address: ConnectRequest["address"] | ListenRequest["address"]): PermissionError | null => {
    if ("path" in address) {
      const granted = ["read", "write"].every((name) => permissions.querySync({ name, path: address.path }).state === "granted");
      return granted ? null : new PermissionError(`Deno requires read and write access to "${address.path}": run again with --allow-read --allow-write`);
    }
    const host = `${address.host ?? "0.0.0.0"}${address.port ? `:${address.port}` : ""}`;
    if (permissions.querySync({ name: "net", host }).state === "granted") return null;
    return new PermissionError(`Deno requires net access to "${host}": run again with --allow-net`);
  };
  const refuse = <T>(exc: PermissionError): PromiseLike<T> => {
    const s = new Settle<T>();
    s.reject(exc);
    return s;
  };
  return {
    runtime: `Deno ${deno.version?.deno ?? ""}`.trim(),
    external: true,
    connect(req) {
      const exc = denied(req.address);
      return exc === null ? base.connect!(req) : refuse(exc);
    },
    listen(req) {
      const exc = denied(req.address);
      return exc === null ? base.listen!(req) : refuse(exc);
    },
  };
}


// ---- workers: the executor's threads (src/io/executors.ts)

/** Starts a worker for the executor on Deno: a module Web Worker (see the file's header). */
export function spawnDenoWorker(script: WorkerScript, events: WorkerEvents): WorkerPort {
  return spawnWebWorker(script, events);
}

// ---- child processes (io/spawn.ts) ----

/** Signal numbers where Deno runs (Deno.Signal names); others: Linux's. */
const DARWIN_SIGNALS: Record<string, number> = {
  SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGILL: 4, SIGTRAP: 5, SIGABRT: 6, SIGEMT: 7, SIGFPE: 8, SIGKILL: 9, SIGBUS: 10,
  SIGSEGV: 11, SIGSYS: 12, SIGPIPE: 13, SIGALRM: 14, SIGTERM: 15, SIGURG: 16, SIGSTOP: 17, SIGTSTP: 18, SIGCONT: 19,
  SIGCHLD: 20, SIGTTIN: 21, SIGTTOU: 22, SIGIO: 23, SIGXCPU: 24, SIGXFSZ: 25, SIGVTALRM: 26, SIGPROF: 27,
  SIGWINCH: 28, SIGINFO: 29, SIGUSR1: 30, SIGUSR2: 31,
};
const LINUX_SIGNALS: Record<string, number> = {
  SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGILL: 4, SIGTRAP: 5, SIGABRT: 6, SIGBUS: 7, SIGFPE: 8, SIGKILL: 9, SIGUSR1: 10,
  SIGSEGV: 11, SIGUSR2: 12, SIGPIPE: 13, SIGALRM: 14, SIGTERM: 15, SIGSTKFLT: 16, SIGCHLD: 17, SIGCONT: 18,
  SIGSTOP: 19, SIGTSTP: 20, SIGTTIN: 21, SIGTTOU: 22, SIGURG: 23, SIGXCPU: 24, SIGXFSZ: 25, SIGVTALRM: 26,
  SIGPROF: 27, SIGWINCH: 28, SIGIO: 29, SIGPWR: 30, SIGSYS: 31,
};

/** The spawn error as Python's: FileNotFoundError (naming the cwd if that is what is missing), PermissionError, ... */
function denoSpawnError(e: any, where: string, request: SpawnRequest): unknown {
  const D = (globalThis as any).Deno;
  const name = e?.name;
  const message = String(e?.message ?? e);
  if (name === "NotCapable" || (name === "PermissionDenied" && /--allow-run/.test(message))) {
    return new PermissionError(`${where}: Deno denies running subprocesses; grant the permission with --allow-run (${message})`, {
      errno: 13,
      code: "EACCES",
      cause: e,
    });
  }
  let what = request.argv[0];
  if (name === "NotFound" && request.cwd !== null && /No such cwd/i.test(message)) what = request.cwd;
  else if (name === "NotFound" && request.cwd !== null) {
    try {
      if (!D.statSync(request.cwd).isDirectory) what = request.cwd;
    } catch (s: any) {
      if (s?.name === "NotFound") what = request.cwd;
    }
  }
  if (name === "NotFound") return new FileNotFoundError(`[Errno 2] No such file or directory: '${what}'`, { errno: 2, code: "ENOENT", cause: e });
  if (name === "PermissionDenied") return new PermissionError(`[Errno 13] Permission denied: '${what}'`, { errno: 13, code: "EACCES", cause: e });
  return e instanceof Error ? new OSError(`${message}: '${what}'`, { cause: e }) : e;
}

/**
 * Deno's child processes (`Deno.Command`; the run permission, `--allow-run`, is needed, or
 * every spawn fails with PermissionError). Its pipes are Web Streams. Deno cannot hand a
 * child a file descriptor of ours, and has no `cmd.exe` command line of its own: those
 * requests are refused with NotImplementedError. Deno closes nothing when a child exits, so
 * the child's stdin is reported closed then (Node does the same by itself).
 */
export function denoProcessHost(): ProcessHost {
  const D = (globalThis as any).Deno;
  const windows = D.build?.os === "windows";
  const stdioOf = (where: string, name: string, mode: SpawnRequest["stdin"]) => {
    if (typeof mode === "number") throw new NotImplementedError(`${where}: Deno cannot give a child a file descriptor (${name}=${mode}); use PIPE, DEVNULL or inherit`);
    return mode === "pipe" ? "piped" : mode === "devnull" ? "null" : "inherit";
  };
  const signals = D.build?.os === "darwin" ? DARWIN_SIGNALS : LINUX_SIGNALS;
  return {
    name: "Deno",
    windows,
    signals,
    spawn(request, onExit, where = "subprocess") {
      let child: any;
      try {
        if (request.windowsShell) throw new NotImplementedError(`${where}: shell commands are not supported on Deno for Windows; run cmd.exe with createSubprocessExec`);
        const [file, ...args] = request.argv;
        const command = new D.Command(file, {
          args,
          cwd: request.cwd ?? undefined,
          env: request.env ?? undefined,
          clearEnv: request.env !== null,
          stdin: stdioOf(where, "stdin", request.stdin),
          stdout: stdioOf(where, "stdout", request.stdout),
          stderr: stdioOf(where, "stderr", request.stderr),
          detached: request.startNewSession || undefined,
        });
        child = command.spawn();
      } catch (e) {
        return Promise.reject(e instanceof NotImplementedError ? e : denoSpawnError(e, where, request));
      }
      let exited = false;
      let stdinSink: WriteSink | null = null;
      const stdin: WriteEnd | null = request.stdin === "pipe" ? webWriteEnd(child.stdin) : null;
      // the child's exit closes its end of stdin: say so, as Node does
      const stdinEnd: WriteEnd | null = stdin && {
        ...stdin,
        start(sink) {
          stdinSink = sink;
          stdin.start(sink);
          if (exited) sink.closed(null);
        },
      };
      child.status.then((status: { code: number; signal: string | null }) => {
        exited = true;
        stdinSink?.closed(null);
        onExit(status.signal !== null ? -(signals[status.signal] ?? status.code - 128) : status.code);
      });
      return Promise.resolve({
        pid: child.pid,
        stdin: stdinEnd,
        stdout: request.stdout === "pipe" ? webReadEnd(child.stdout) : null,
        stderr: request.stderr === "pipe" ? webReadEnd(child.stderr) : null,
        handle: child,
        unref: () => child.unref(),
        kill(signal: string) {
          if (exited) return;
          try {
            child.kill(signal);
          } catch (e: any) {
            // it ended before its status was reported: nothing to signal (Popen.send_signal after exit)
            if (!/already terminated/i.test(String(e?.message))) throw e;
          }
        },
      });
    },
  };
}
