/**
 * Spawning: what the subprocess transport needs of its host, and which host this runtime is.
 *
 * The transport (subprocess-transport.ts) asks one thing of the host, ProcessHost.spawn: start
 * a program with these pipes, settle once it runs (or with the OSError that stopped it), hand
 * its pipes over as pipe ends (pipe-ends.ts) and report its exit status once. Each runtime's
 * way lives in hosts/: node.ts (node:child_process, for Node and Bun) and deno.ts
 * (Deno.Command); browser.ts and workers.ts say why those have none. This file picks one at
 * the first call that needs it (never at import) and does what is the same everywhere:
 *
 * - Shell commands: `/bin/sh -c cmd`, as Python's Popen(shell=True) on POSIX.
 * - stderr=STDOUT: no host can make a child's stderr the very pipe of its stdout (Node and
 *   Deno create each pipe themselves), so the child is started through `/bin/sh`, which first
 *   checks that the program can be run, says so on its own stderr (the only thing on that
 *   pipe), and then `exec "$0" "$@" 2>&1` — the program itself, same pid, both streams on one
 *   pipe, in the order written. The spawn settles when that pipe ends (the exec closed it)
 *   or with FileNotFoundError/PermissionError when the check failed, as Popen raises them.
 * - Signals by name or number, with the host's numbers.
 */
import { NotImplementedError, OSError, FileNotFoundError, PermissionError } from "../exceptions.js";
import { describe } from "../validate.js";
import { concatBytes } from "./bytes.js";
import type { ReadEnd, WriteEnd } from "./pipe-ends.js";
import { nodeProcessHost } from "./hosts/node.js";
import { denoProcessHost } from "./hosts/deno.js";
import { browsersHaveNoSubprocesses } from "./hosts/browser.js";
import { workersHaveNoSubprocesses } from "./hosts/workers.js";

/** Where a child's stream goes: a new pipe, the parent's own stream, /dev/null, or a file descriptor of the parent. */
export type StdioMode = "pipe" | "inherit" | "devnull" | number;

/** What the host is asked to run. */
export interface SpawnRequest {
  /** the program and its arguments, as the host must run them */
  readonly argv: readonly [string, ...string[]];
  /** Windows: argv[0] is a command line for cmd.exe (Node's `shell: true`) */
  readonly windowsShell: boolean;
  readonly cwd: string | null;
  /** the child's whole environment, or null to inherit ours */
  readonly env: Readonly<Record<string, string>> | null;
  readonly stdin: StdioMode;
  readonly stdout: StdioMode;
  readonly stderr: StdioMode;
  /** Python's start_new_session: the host's `detached` */
  readonly startNewSession: boolean;
}

/** A running child, as the host gives it. */
export interface HostChild {
  readonly pid: number;
  readonly stdin: WriteEnd | null;
  readonly stdout: ReadEnd | null;
  readonly stderr: ReadEnd | null;
  /** the host's own object for the child: `getExtraInfo("subprocess")` */
  readonly handle: unknown;
  /** Sends `signal` (a name of `signals`) unless the child has exited (then nothing, as Popen.send_signal). */
  kill(signal: string): void;
  /** Lets the host process exit while the child runs (its loop was closed). */
  unref(): void;
}

/** One runtime's child processes. */
export interface ProcessHost {
  /** "Node", "Bun", "Deno": for messages */
  readonly name: string;
  readonly windows: boolean;
  /** signal numbers by name, as this system numbers them */
  readonly signals: Readonly<Record<string, number>>;
  /**
   * Starts `request`; settles with the running child, or rejects with the OSError
   * (FileNotFoundError, PermissionError) that kept it from running. `onExit(returncode)` is
   * called once, from a host event, when the child ends: its exit status, or minus the
   * number of the signal that ended it.
   */
  spawn(request: SpawnRequest, onExit: (returncode: number) => void, where?: string): Promise<HostChild>;
}

let cached: ProcessHost | null = null;

/** This runtime's child processes. Throws NotImplementedError naming the runtime where there are none. */
export function hostProcesses(where: string): ProcessHost {
  if (cached !== null) return cached;
  const g = globalThis as any;
  if (g.navigator?.userAgent === "Cloudflare-Workers") throw workersHaveNoSubprocesses(where);
  if (typeof g.Deno?.version?.deno === "string" && typeof g.Deno.Command === "function") return (cached = denoProcessHost());
  if (typeof g.Bun === "object" || typeof g.process?.versions?.node === "string") {
    const host = nodeProcessHost();
    if (typeof host === "string") throw new NotImplementedError(`${where}: ${host}`);
    return (cached = host);
  }
  if (typeof g.document === "object" || typeof g.importScripts === "function" || typeof g.WorkerGlobalScope === "function") {
    throw browsersHaveNoSubprocesses(where);
  }
  const runtime = typeof g.harden === "function" && typeof g.Compartment === "function" ? "this SES compartment" : "this JavaScript host";
  throw new NotImplementedError(
    `${where}: ${runtime} has no subprocesses (no node:child_process, no Deno.Command); pipes over Web Streams work everywhere`,
  );
}

/** `sh -c` script for stderr=STDOUT (see the file's header): "$0" is the program, "$@" its arguments. */
const MERGE_STDERR =
  'case $0 in */*) [ -e "$0" ] || { printf ENOENT >&2; exit 127; }; [ -f "$0" ] && [ -x "$0" ] || { printf EACCES >&2; exit 126; };; ' +
  '*) command -v -- "$0" >/dev/null 2>&1 || { printf ENOENT >&2; exit 127; };; esac; exec "$0" "$@" 2>&1';

/**
 * Starts a child on `host`: `argv` (exec) or `/bin/sh -c argv[0]` (shell); `stderr: "stdout"`
 * puts its stderr on its stdout (see the file's header).
 */
export async function spawnChild(
  host: ProcessHost,
  where: string,
  shell: boolean,
  request: Omit<SpawnRequest, "stderr" | "windowsShell"> & { stderr: StdioMode | "stdout" },
  onExit: (returncode: number) => void,
): Promise<HostChild> {
  let argv = request.argv;
  let windowsShell = false;
  if (shell) {
    if (host.windows) windowsShell = true;
    else argv = ["/bin/sh", "-c", argv[0]];
  }
  if (request.stderr !== "stdout") return host.spawn({ ...request, argv, windowsShell, stderr: request.stderr }, onExit, where);
  if (host.windows) {
    throw new NotImplementedError(`${where}: stderr=STDOUT is not supported on Windows (it goes through /bin/sh); redirect in a shell command`);
  }
  const child = await host.spawn(
    { ...request, argv: ["/bin/sh", "-c", MERGE_STDERR, ...argv], windowsShell: false, stderr: "pipe" },
    onExit,
    where,
  );
  const verdict = await readAll(child.stderr!);
  if (verdict === "") return { ...child, stderr: null };
  // the check failed and the wrapper exits by itself; its pipes are ours to close
  child.stdout?.close();
  child.stdin?.abort();
  const program = argv[0];
  if (verdict === "EACCES") throw new PermissionError(`[Errno 13] Permission denied: '${program}'`, { errno: 13, code: "EACCES" });
  if (verdict === "ENOENT") throw new FileNotFoundError(`[Errno 2] No such file or directory: '${program}'`, { errno: 2, code: "ENOENT" });
  throw new OSError(`${where}: could not start '${program}' through /bin/sh: ${verdict}`);
}

/** Everything a read end gives until its end, as text. */
function readAll(end: ReadEnd): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    end.start({
      data: (chunk) => void chunks.push(chunk),
      end: () => {
        end.close();
        resolve(String.fromCharCode(...concatBytes(chunks)));
      },
      error: (exc) => {
        end.close();
        reject(exc);
      },
    });
  });
}

/**
 * The signal name for sendSignal(sig): a name the host knows ("SIGTERM"), or a number
 * (Python's signal.SIGTERM is 15); 0 checks that the process exists (null: nothing to send).
 * An unknown number: OSError EINVAL, as os.kill; an unknown name: RangeError.
 */
export function signalName(where: string, host: ProcessHost, sig: unknown): string | null {
  if (typeof sig === "string") {
    if (!Object.prototype.hasOwnProperty.call(host.signals, sig)) {
      throw new RangeError(`${where}: unknown signal ${JSON.stringify(sig)} (e.g. "SIGTERM", "SIGKILL", "SIGINT", or a number)`);
    }
    return sig;
  }
  if (typeof sig !== "number" || !Number.isInteger(sig)) {
    throw new TypeError(`${where}: signal must be a signal name such as "SIGTERM" or an integer, got ${describe(sig)}`);
  }
  if (sig === 0) return null;
  for (const name of Object.keys(host.signals)) if (host.signals[name] === sig) return name;
  throw new OSError("[Errno 22] Invalid argument", { errno: 22, code: "EINVAL" });
}
