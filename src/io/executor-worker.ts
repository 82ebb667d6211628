/**
 * The executor's worker: what runs inside each thread of a ThreadPoolExecutor.
 *
 * It is one self-contained function, `executorWorkerMain`, sent to each worker as source
 * text (`executorWorkerSource()`): the same rule it applies to the functions it runs, and the
 * reason no file of the package has to be found at run time (hosts/ start it from a data: or
 * blob: URL). So it may use nothing from outside its own body: no imports, no module
 * variables, no helpers.
 *
 * Protocol (one call at a time per worker; the executor never sends a second before the
 * answer to the first):
 *   worker → executor  { t: "ready" }                     first, before anything else
 *   executor → worker  { t: "call", id, args, key, src? }  a function sent by its source;
 *                                                          src only the first time this
 *                                                          worker sees `key`
 *                      { t: "call", id, args, module, export }   a module's export
 *   worker → executor  { t: "start", id }                 before anything of the call runs
 *                      { t: "ok", id, value }             the result (a promise is awaited)
 *                      { t: "err", id, error }            what it threw, encoded (below)
 *                      { t: "exit", how }                 the called code is ending the
 *                                                          worker (close()): it is gone next
 *                      { t: "log", level, args }          console output, for the caller's console
 * An encoded error is `{ thrown: value }` for a thrown non-Error that can be cloned, else
 * `{ name, message, stack, props, cause, free }`: `props` its other cloneable own fields,
 * `free` the name of a variable a source-sent function could not find (a closure variable).
 */

/**
 * The worker's main function: `g` is the worker's global object, `load` the worker script's
 * own dynamic import of a URL. Self-contained: see the file's header.
 */
export function executorWorkerMain(g: any, load: (url: string) => Promise<any>): void {
  const clone: ((v: unknown) => unknown) | null = typeof g.structuredClone === "function" ? g.structuredClone : null;
  let post: (m: unknown) => void;
  let listen: (fn: (m: any) => void) => void;
  // a Web Worker (browsers, Deno) has WorkerGlobalScope; a worker_threads worker (Node, Bun) a parentPort
  const web = typeof g.WorkerGlobalScope === "function";
  const port = web || typeof g.process?.getBuiltinModule !== "function" ? null : g.process.getBuiltinModule("node:worker_threads").parentPort;
  if (port !== null && port !== undefined) {
    post = (m) => port.postMessage(m);
    listen = (fn) => port.on("message", fn);
  } else {
    post = (m) => g.postMessage(m);
    listen = (fn) => g.addEventListener("message", (e: any) => fn(e.data));
    // a Web Worker that closes itself (close(); Deno.exit() in Deno) ends without a word to its parent: say it first
    const wrap = (owner: any, key: string, how: string) => {
      const original = owner?.[key];
      if (typeof original !== "function") return;
      try {
        owner[key] = function (this: unknown, ...a: unknown[]) {
          post({ t: "exit", how: how.replace("%s", String(a[0] ?? "")) });
          return original.apply(this, a);
        };
      } catch {
        // not writable here: such an end goes unnoticed (see README)
      }
    };
    wrap(g, "close", "the called code closed the worker (close())");
    wrap(g.Deno, "exit", "the called code ended the worker (Deno.exit(%s))");
  }

  // console output goes to the caller over the same channel as the answers, so it is printed
  // in order with them (Python's threads write to the one sys.stdout): what a call logs
  // before it returns is printed before its Future completes. A worker's own stdout
  // reaches the caller on another channel, in no fixed order with the answers.
  const console_ = g.console;
  if (console_ !== null && typeof console_ === "object") {
    for (const level of ["log", "info", "warn", "error", "debug"]) {
      if (typeof console_[level] !== "function") continue;
      console_[level] = (...args: unknown[]) => {
        try {
          post({ t: "log", level, args });
        } catch {
          post({ t: "log", level, args: args.map((a) => (cloneable(a) ? a : String(a))) });
        }
      };
    }
  }

  /** functions sent by their source, compiled once per worker: key → function, or the error compiling it gave */
  const compiled = new Map<number, { fn: ((...a: unknown[]) => unknown) | null; error: unknown }>();

  const compile = (src: string, name: string): ((...a: unknown[]) => unknown) => {
    // strict, as the module it came from; the sourceURL names its frames in stack traces
    const tag = `\n//# sourceURL=wasmloop-executor:${name.replace(/[^\w$.-]/g, "_") || "anonymous"}\n`;
    const indirectEval = g.eval;
    try {
      return indirectEval(`"use strict";(${src}\n)${tag}`);
    } catch (e) {
      if (!(e instanceof SyntaxError)) throw e;
    }
    // a method's source (`name(a) { ... }`, `async *name() {}`) is no expression: read it as one of an object literal
    const holder = indirectEval(`"use strict";({${src}\n})${tag}`);
    return holder[Reflect.ownKeys(holder)[0]];
  };

  const resolve = async (m: any): Promise<(...a: unknown[]) => unknown> => {
    if (m.module !== undefined) {
      const mod = await load(m.module);
      const fn = mod[m.export];
      if (typeof fn !== "function") {
        throw new TypeError(`the module ${m.module} has no function export ${JSON.stringify(m.export)} (it is ${typeof fn})`);
      }
      return fn;
    }
    let entry = compiled.get(m.key);
    if (entry === undefined) {
      if (typeof m.src !== "string") throw new Error(`wasmloop executor: the worker was never sent function #${m.key}`);
      try {
        entry = { fn: compile(m.src, m.name), error: null };
      } catch (e) {
        entry = { fn: null, error: e };
      }
      compiled.set(m.key, entry);
    }
    if (entry.fn === null) throw entry.error;
    return entry.fn;
  };

  const cloneable = (v: unknown): boolean => {
    if (clone === null) return true; // postMessage will tell
    try {
      clone(v);
      return true;
    } catch {
      return false;
    }
  };

  /** a stack without this script's frames: they end at the call, and a data: URL frame spells out the whole script */
  const trim = (stack: string): string => {
    const lines = stack.split("\n");
    const end = lines.findIndex((line) => line.includes("wasmloopExecutorCall"));
    return end < 0 ? stack : lines.slice(0, end).join("\n");
  };

  const encode = (e: any, bySource: boolean, depth: number): unknown => {
    const isError =
      e instanceof Error || (e !== null && typeof e === "object" && typeof e.name === "string" && typeof e.message === "string");
    if (!isError) {
      if (cloneable(e)) return { thrown: e };
      return { name: "TypeError", message: `the called code threw ${String(e)}, which cannot be sent back from the worker`, stack: "", props: {} };
    }
    const props: Record<string, unknown> = {};
    for (const k of Object.keys(e)) {
      if (k === "name" || k === "message" || k === "stack" || k === "cause") continue;
      if (cloneable(e[k])) props[k] = e[k];
    }
    let free: string | null = null;
    if (bySource && e instanceof ReferenceError) {
      const found = /^(\S+) is not defined$/.exec(e.message) ?? /^Can't find variable: (\S+)$/.exec(e.message);
      if (found !== null) free = found[1];
    }
    return {
      name: String(e.name),
      message: String(e.message),
      stack: typeof e.stack === "string" ? trim(e.stack) : "",
      props,
      cause: "cause" in e && depth < 8 ? encode(e.cause, false, depth + 1) : undefined,
      free,
    };
  };

  // named, so stack traces can be cut where the called code ends (see `trim`)
  async function wasmloopExecutorCall(m: any): Promise<void> {
    if (m === null || typeof m !== "object" || m.t !== "call") return;
    // before anything of the call runs: a worker that dies before the executor hears this never began it
    post({ t: "start", id: m.id });
    let value: unknown;
    let ok = true;
    try {
      const fn = await resolve(m);
      value = await fn(...m.args);
    } catch (e) {
      ok = false;
      value = e;
    }
    if (ok) {
      try {
        post({ t: "ok", id: m.id, value });
        return;
      } catch (e: any) {
        value = new TypeError(`the result (${Object.prototype.toString.call(value).slice(8, -1)}) cannot be sent back from the worker: ${e?.message ?? e}`);
      }
    }
    post({ t: "err", id: m.id, error: encode(value, m.module === undefined, 0) });
  }
  listen(wasmloopExecutorCall);
  post({ t: "ready" });
}

/**
 * The worker script: `executorWorkerMain` applied to the worker's global object and a
 * dynamic import; a valid classic script and ES module alike. The import is spelled out
 * only here, at run time: SES refuses to evaluate any source text with a dynamic import in it
 * (even in a string a bundler might fold together), and this file is part of every bundle.
 */
export function executorWorkerSource(): string {
  const dynamicImport = ["imp", "ort"].join("");
  return `"use strict";\n(${executorWorkerMain})(globalThis, (url) => ${dynamicImport}(url));\n//# sourceURL=wasmloop-executor-worker.js\n`;
}
