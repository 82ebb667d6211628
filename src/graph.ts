/**
 * Call graphs: asyncio 3.14's `capture_call_graph`, `format_call_graph`, `print_call_graph` —
 * who awaits whom, from a Future (or the current task) up through the tasks that wait for it.
 *
 * "Awaited by" is read from the done callbacks the Futures already hold (awaited-by.ts): a Task
 * waiting on a Future is one of its callbacks; gather, shield and wait mark their callbacks with
 * the task that called them, TaskGroup with its parent task, as 3.14 records them. So capturing
 * costs nothing until it is asked for, and follows a Future through Tasks, gather, shield,
 * TaskGroups, wait and plain Futures.
 *
 * The call stack part is what JavaScript can show:
 * - for the current task (no future given, or the current task given), the frames of the live
 *   stack, from the caller outward to the task's outermost coroutine, as 3.14 walks
 *   `sys._getframe()`: program frames only (wasmloop's own are dropped), a coroutine's frame
 *   written `in async name()`, since wasmloop's coroutines are asyncio's. Coroutine frames are
 *   told apart on V8 hosts (Node, Deno, Chromium, workerd); on Bun (JavaScriptCore) and
 *   Firefox every frame reads as plain, and the walk goes down to the bottom of the stack.
 *   The current task shows these frames wherever it appears in a graph.
 * - for any other task: the frames of the moment it suspended on the Future it now waits for,
 *   if its loop was in debug mode then (debug.ts records them); otherwise none. A suspended
 *   generator's frames cannot be read in JavaScript: CPython walks `cr_await`, which JS has no
 *   equivalent of. With the stack empty, only "awaited by" is shown, as 3.14 does with `limit=0`.
 * - for a plain Future: none, as in 3.14.
 *
 * Ids: 3.14 prints `id(future)`, an address. Here each Future gets a number the first time a
 * graph shows it (`id=0x1`, `0x2`, ...), so output is the same on every run. Where a Future
 * waits on one already on the path (a cycle), the walk stops instead of recursing.
 */
import { Future, callbackList } from "./futures.js";
import { Task } from "./tasks.js";
import { _getRunningLoop } from "./base-events.js";
import { RuntimeError } from "./exceptions.js";
import { describe } from "./validate.js";
import { _awaiterOf } from "./awaited-by.js";
import { _suspensionFrames } from "./debug.js";
import { isPackageFrame, parseStack, pyStr, stackText, type CallFrame } from "./stack-frames.js";

/**
 * One frame of a call graph's call stack (asyncio 3.14's FrameCallGraphEntry). `frame` is
 * a host stack frame: the function's name, its file, line and column, and whether it is a
 * coroutine's (a running generator's).
 * @example
 * for (const { frame } of graph!.callStack) console.log(frame.name, frame.file, frame.line);
 */
export interface FrameCallGraphEntry {
  /** The frame. */
  readonly frame: CallFrame;
}

/**
 * A call graph (asyncio 3.14's FutureCallGraph): a Future or Task, its call stack (innermost
 * first), and the graphs of what awaits it.
 * @example
 * const graph = captureCallGraph();
 * for (const waiter of graph!.awaitedBy) console.log(String(waiter.future));
 */
export interface FutureCallGraph {
  /** The Future or Task. */
  readonly future: Future<unknown>;
  /** Its frames, innermost first (see graph.ts for what JavaScript can show). */
  readonly callStack: readonly FrameCallGraphEntry[];
  /** What awaits it: Tasks waiting on it, the task that called gather/shield/wait on it, a TaskGroup's parent task. */
  readonly awaitedBy: readonly FutureCallGraph[];
}

/**
 * The options of captureCallGraph and formatCallGraph (asyncio's keyword-only `depth`, `limit`).
 * @example
 * formatCallGraph(task, { limit: 0 });   // only "awaited by"
 */
export interface CallGraphOptions {
  /** For the current task: how many frames to skip from the top; 1 (default) starts at the caller. */
  depth?: number;
  /**
   * Keep at most `abs(limit)` entries of each call stack: the outermost ones if positive, the
   * innermost if negative (what 3.14's code does); 0: no call stacks, only "awaited by";
   * null or omitted: all.
   */
  limit?: number | null;
}

/**
 * The options of printCallGraph: captureCallGraph's, and where the text goes.
 * @example
 * printCallGraph(undefined, { print: (text) => log.debug(text) });
 */
export interface PrintCallGraphOptions extends CallGraphOptions {
  /** Receives the text (Python's `file=`); default console.log. */
  print?: (text: string) => void;
}

/**
 * The call graph of `future`, or of the current task when it is omitted (asyncio 3.14's
 * capture_call_graph): null when no task is running; RuntimeError outside a running loop
 * with no future given. See graph.ts for what the call stacks hold in JavaScript.
 * @example
 * function* worker() {
 *   const graph = captureCallGraph();
 *   console.log(graph!.awaitedBy.map((g) => String(g.future)));   // who waits for this task
 * }
 */
export function captureCallGraph(future?: Future<unknown> | null, options?: CallGraphOptions): FutureCallGraph | null {
  return capture("captureCallGraph", future, options, captureCallGraph);
}

/**
 * The call graph as text, in asyncio 3.14's format ("" when there is no current task and no
 * future given):
 * ```
 * * Task(name='test', id=0x1)
 *   + Call stack:
 *   |   File 'file:///app/main.js', line 4, in async test()
 *   + Awaited by:
 *       * Task(name='Task-1', id=0x2)
 * ```
 * @example
 * console.log(formatCallGraph(task, { limit: 0 }));
 */
export function formatCallGraph(future?: Future<unknown> | null, options?: CallGraphOptions): string {
  const graph = capture("formatCallGraph", future, options, formatCallGraph);
  if (graph === null) return "";
  const lines: string[] = [];
  render(graph, lines, 0);
  return lines.join("\n");
}

/**
 * Prints formatCallGraph's text (asyncio 3.14's print_call_graph), to `options.print` or
 * console.log.
 * @example
 * function* test() {
 *   printCallGraph();   // this task, and the tasks that await it
 * }
 */
export function printCallGraph(future?: Future<unknown> | null, options?: PrintCallGraphOptions): void {
  const print = options?.print;
  if (print !== undefined && typeof print !== "function") {
    throw new TypeError(`printCallGraph: options.print must be a function, got ${describe(print)}`);
  }
  const graph = capture("printCallGraph", future, options, printCallGraph);
  const lines: string[] = [];
  if (graph !== null) render(graph, lines, 0);
  const text = lines.join("\n");
  if (print !== undefined) print(text);
  else (globalThis as any).console?.log(text);
}

function capture(
  where: string,
  future: Future<unknown> | null | undefined,
  options: CallGraphOptions | undefined,
  api: Function,
): FutureCallGraph | null {
  const { depth, limit } = checkOptions(where, options);
  if (future !== undefined && future !== null && !(future instanceof Future)) {
    throw new TypeError(`${where}: future must be a Future or a Task, got ${describe(future)}`);
  }
  const loop = _getRunningLoop();
  const current = (loop?._currentTask ?? null) as Future<unknown> | null;
  // the current task's frames are the live stack, from the caller of the public function
  // (`depth - 1` more skipped); read once, only if the graph shows the current task
  let live: CallFrame[] | null = null;
  const walk: Walk = {
    limit,
    current,
    path: new Set(),
    liveFrames: () => (live ??= taskFrames(parseStack(stackText(api)).slice(depth - 1))),
  };
  if (future !== undefined && future !== null) return build(future, walk);
  if (loop === null) {
    throw new RuntimeError(`${where}() is called outside of a running event loop and no future to introspect was provided`);
  }
  return current === null ? null : build(current, walk);
}

/** One capture's state: its limit, the task running now, the Futures on the path from the root. */
interface Walk {
  limit: number | null;
  current: Future<unknown> | null;
  path: Set<Future<unknown>>;
  liveFrames(): CallFrame[];
}

function checkOptions(where: string, options: CallGraphOptions | undefined): { depth: number; limit: number | null } {
  if (options === undefined) return { depth: 1, limit: null };
  if (options === null || typeof options !== "object") {
    throw new TypeError(`${where}: options must be an object, got ${describe(options)}`);
  }
  for (const key of Object.keys(options)) {
    if (key !== "depth" && key !== "limit" && !(where === "printCallGraph" && key === "print")) {
      throw new TypeError(`${where}: unknown option ${JSON.stringify(key)} (known: depth, limit${where === "printCallGraph" ? ", print" : ""})`);
    }
  }
  const { depth = 1, limit = null } = options;
  if (typeof depth !== "number" || !Number.isInteger(depth) || depth < 1) {
    throw new RangeError(`${where}: options.depth must be an integer of at least 1, got ${describe(depth)}`);
  }
  if (limit !== null && (typeof limit !== "number" || !Number.isInteger(limit))) {
    throw new TypeError(`${where}: options.limit must be an integer or null, got ${describe(limit)}`);
  }
  return { depth, limit };
}

/**
 * The frames of a task's coroutine chain, from a stack (innermost first): program frames from
 * the top down to the outermost coroutine, as 3.14 stops at the coroutine frame whose caller is
 * not a coroutine (the Task running it). wasmloop's coroutine frames (Future iterators,
 * asyncWith's runner) are passed through unshown; its plain frames between coroutines (a
 * primitive's hand-written iterator) too; its plain frames after the chain are the Task's step.
 */
function taskFrames(frames: readonly CallFrame[]): CallFrame[] {
  const out: CallFrame[] = [];
  let inChain = false;
  for (let i = 0; i < frames.length; i++) {
    const f = frames[i];
    const own = isPackageFrame(f);
    if (f.coroutine) {
      inChain = true;
      if (!own) out.push(f);
      continue;
    }
    if (inChain) {
      if (!own) break;
      // wasmloop's plain frames: plumbing if a coroutine follows them, else the Task's step
      let j = i;
      while (j < frames.length && isPackageFrame(frames[j]) && !frames[j].coroutine) j++;
      if (j < frames.length && frames[j].coroutine) {
        i = j - 1;
        continue;
      }
      break;
    }
    if (!own) out.push(f);
  }
  return out;
}

/** 3.14's limit: positive keeps the outermost `limit` entries, negative the innermost, 0 none. */
function trim(frames: CallFrame[], limit: number | null): CallFrame[] {
  if (limit === null) return frames;
  if (limit === 0) return [];
  return limit > 0 ? frames.slice(Math.max(0, frames.length - limit)) : frames.slice(0, -limit);
}

function build(future: Future<unknown>, walk: Walk): FutureCallGraph {
  let frames: CallFrame[] = [];
  if (walk.limit !== 0 && future instanceof Task && !future.done()) {
    if (future === walk.current) {
      frames = walk.liveFrames();
    } else {
      const suspended = _suspensionFrames(future, future._futWaiter);
      if (suspended !== undefined) frames = taskFrames(suspended);
    }
  }
  walk.path.add(future);
  const awaitedBy = waitersOf(future, walk);
  walk.path.delete(future);
  return graphOf(future, trim(frames, walk.limit), awaitedBy);
}

/** What awaits `future`: read from its done callbacks, in the order they were added, each once. */
function waitersOf(future: Future<unknown>, walk: Walk): FutureCallGraph[] {
  const callbacks = callbackList(future._callbacks);
  if (callbacks.length === 0) return [];
  const seen = new Set<Future<unknown>>();
  const out: FutureCallGraph[] = [];
  for (const cb of callbacks) {
    const waiter = cb instanceof Task ? cb : _awaiterOf(typeof cb === "function" ? cb : (cb as { fn?: unknown }).fn);
    if (!(waiter instanceof Future) || seen.has(waiter) || walk.path.has(waiter)) continue;
    seen.add(waiter);
    out.push(build(waiter, walk));
  }
  return out;
}

function graphOf(future: Future<unknown>, frames: CallFrame[], awaitedBy: FutureCallGraph[]): FutureCallGraph {
  return Object.freeze({
    future,
    callStack: Object.freeze(frames.map((frame) => Object.freeze({ frame }))),
    awaitedBy: Object.freeze(awaitedBy),
  });
}

/** The number a Future is shown with: given the first time a graph shows it. */
const ids = new WeakMap<Future<unknown>, number>();
let lastId = 0;

function idOf(fut: Future<unknown>): string {
  let id = ids.get(fut);
  if (id === undefined) ids.set(fut, (id = ++lastId));
  return `0x${id.toString(16)}`;
}

/** 3.14's render_level: four spaces per level. */
function render(graph: FutureCallGraph, lines: string[], level: number): void {
  const indent = "    ".repeat(level);
  const fut = graph.future;
  if (fut instanceof Task) lines.push(`${indent}* Task(name=${pyStr(fut.getName())}, id=${idOf(fut)})`);
  else lines.push(`${indent}* Future(id=${idOf(fut)})`);
  if (graph.callStack.length > 0) {
    lines.push(`${indent}  + Call stack:`);
    for (const { frame: f } of graph.callStack) {
      lines.push(`${indent}  |   File ${pyStr(f.file)}, line ${f.line}, in ${f.coroutine ? "async " : ""}${f.name}()`);
    }
  }
  if (graph.awaitedBy.length > 0) {
    lines.push(`${indent}  + Awaited by:`);
    for (const waiter of graph.awaitedBy) render(waiter, lines, level + 1);
  }
}
