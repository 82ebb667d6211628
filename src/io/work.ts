/**
 * How a call crosses over to a worker. A worker is another JavaScript realm: it shares no
 * variable, object or function with the caller, only messages (structured clones). So the
 * function goes by one of two routes:
 *
 *   by source  a function object: its text (`fn.toString()`) is compiled in the worker, once
 *              per worker. It sees its parameters and the worker's globals, nothing of the
 *              scope it was written in: a closure variable or an import is a ReferenceError
 *              there (reported as such, naming the variable). Built-in and bound functions
 *              have no source and classes cannot be called: both are refused at the call.
 *   by module  `{ module: url, export: "name" }` (or `moduleFunction(url, "name")`): the
 *              worker imports the module (an absolute URL: `new URL("./work.js",
 *              import.meta.url)` or `import.meta.resolve("pkg")`) and calls the export: real
 *              code, with its own imports and module state (per worker).
 *
 * Either way the arguments and the result are structured-cloned (no functions, no class
 * instances beyond plain data, Errors, Maps, typed arrays...; a SharedArrayBuffer is shared),
 * and a promise the function returns is awaited in the worker.
 */
import { describe } from "../validate.js";

/**
 * A function a worker imports from a module: `{ module, export }`. The type parameter, never
 * present at run time, types the call: `runInExecutor(null, moduleFunction<typeof hash>(url, "hash"), data)`.
 * @typeParam F - the type of the exported function: it types the call's arguments and result.
 */
export interface ModuleFunction<F extends (...args: any[]) => unknown = (...args: any[]) => unknown> {
  /** an absolute URL of an ES module the worker can import */
  readonly module: string | URL;
  /** the export to call; "default" if omitted */
  readonly export?: string;
  /** @internal phantom: the function's type, for inference only */
  readonly __function?: F;
}

/**
 * A `{ module, export }` descriptor for runInExecutor / toThread / submit, typed as `F`.
 * @example
 * import type { checksum } from "./checksum.js";
 * const work = moduleFunction<typeof checksum>(new URL("./checksum.js", import.meta.url), "checksum");
 * const sum = yield* loop.runInExecutor(null, work, bytes);   // typed as checksum's result
 * @typeParam F - the type of the exported function (`typeof checksum`): it types the call.
 */
export function moduleFunction<F extends (...args: any[]) => unknown>(module: string | URL, exportName = "default"): ModuleFunction<F> {
  const work = { module, export: exportName };
  checkModule("moduleFunction", "module", work);
  return work;
}

/** @internal what is sent: a function by its source, or a module's export */
export type Work =
  | { readonly kind: "source"; readonly key: number; readonly source: string; readonly name: string }
  | { readonly kind: "module"; readonly module: string; readonly export: string; readonly name: string };

/**
 * One key per distinct source text, so workers compile each text once however many function
 * objects carry it (an arrow written inside a loop is a new object each time, the same text).
 * It grows with the number of distinct texts sent, which a program's source bounds.
 */
const keysBySource = new Map<string, number>();
const workByFunction = new WeakMap<Function, Work>();

/**
 * @internal the Work for `fn`, checked: TypeError naming `where` for anything that cannot go
 * to a worker. Makes nothing and starts nothing.
 */
export function toWork(where: string, fn: unknown): Work {
  if (typeof fn === "function") {
    const known = workByFunction.get(fn);
    if (known !== undefined) return known;
    const work = sourceWork(where, fn);
    workByFunction.set(fn, work);
    return work;
  }
  if (fn !== null && typeof fn === "object" && "module" in fn) {
    const { module, export: name } = checkModule(where, "fn", fn as ModuleFunction);
    return { kind: "module", module, export: name, name: `${module}#${name}` };
  }
  throw new TypeError(`${where}: fn must be a function or a { module, export } descriptor, got ${describe(fn)}`);
}

function sourceWork(where: string, fn: Function): Work {
  const name = fn.name || "anonymous";
  const what = `fn (${describe(fn)})`;
  let source: string;
  try {
    source = Function.prototype.toString.call(fn);
  } catch (e) {
    throw new TypeError(`${where}: ${what} has no readable source to send to a worker: ${String(e)}`);
  }
  if (/\{\s*\[native code\]\s*\}\s*$/.test(source)) {
    throw new TypeError(
      `${where}: ${what} is a built-in or bound function: it has no source to send to a worker; ` +
        "wrap it in a function of your own, e.g. (...a) => Math.max(...a)",
    );
  }
  if (/^class\b/.test(source)) {
    throw new TypeError(`${where}: ${what} is a class, which cannot be called; pass a function that makes the instance`);
  }
  const kind = Object.prototype.toString.call(fn);
  if (kind === "[object GeneratorFunction]" || kind === "[object AsyncGeneratorFunction]") {
    throw new TypeError(`${where}: ${what} is a generator function (a coroutine): coroutines cannot run in an executor`);
  }
  let key = keysBySource.get(source);
  if (key === undefined) {
    key = keysBySource.size + 1;
    keysBySource.set(source, key);
  }
  return { kind: "source", key, source, name };
}

function checkModule(where: string, name: string, work: ModuleFunction): { module: string; export: string } {
  const { module } = work;
  const exportName = work.export ?? "default";
  let url: string | null = null;
  if (module instanceof URL) url = module.href;
  else if (typeof module === "string" && /^[a-z][a-z0-9+.-]*:/i.test(module)) {
    try {
      url = new URL(module).href;
    } catch {
      url = null;
    }
  }
  if (url === null) {
    throw new TypeError(
      `${where}: ${name}.module must be an absolute URL (new URL("./work.js", import.meta.url), import.meta.resolve("pkg")), ` +
        `got ${describe(module)}`,
    );
  }
  if (typeof exportName !== "string" || exportName === "") {
    throw new TypeError(`${where}: ${name}.export must be a non-empty string (the export's name), got ${describe(exportName)}`);
  }
  return { module: url, export: exportName };
}
