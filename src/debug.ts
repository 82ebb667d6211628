/**
 * Debug mode's bookkeeping (asyncio's debug mode: `new EventLoop({ debug: true })`,
 * `loop.setDebug(true)`, `run(main(), { debug: true })`). Every hook here is called behind a
 * check of the loop's `_debug` flag, so a loop out of debug mode pays one load at the few
 * places that create or first await these objects, and nothing per callback or task step.
 *
 * - Creation stacks. A Future, Task or Handle made while its loop is in debug mode records
 *   where (the stack's text, in a WeakMap: no field on the object). Exception-handler contexts
 *   about it carry that as `source_traceback` (asyncio's key): the innermost ten program frames
 *   (asyncio's DEBUG_STACK_DEPTH), most recent call last; the default handler prints "Object
 *   created at (most recent call last):" and a line per frame.
 * - Never awaited. A coroutine-like Future (sleep(), waitFor(), wait(), asyncWith(),
 *   lock.acquire(), queue.get(), ...) made while a loop in debug mode runs is registered with a
 *   FinalizationRegistry until it is first used: awaited (`yield*`, `yield`, `await`), given a
 *   done callback, wrapped in a Task (gather, createTask, ensureFuture) or cancelled. Collected
 *   unused, it is reported through the loop's exception handler as asyncio's
 *   "coroutine 'sleep' was never awaited", with where it was made. A generator object that is
 *   never run (`compute()` instead of `yield* compute()`) cannot be noticed: JavaScript has no
 *   hook at a generator's creation.
 * - Suspension stacks. When a task suspends on a pending Future (`yield* fut`), the stack of
 *   that moment is the only time the frames of its suspended coroutine chain can be read;
 *   captureCallGraph (graph.ts) shows them for a task that waits.
 */
import type { EventLoop } from "./loop.js";
import { isPackageFrame, parseStack, programFrames, stackText, type CallFrame } from "./stack-frames.js";

/** How many frames a creation stack keeps, the innermost: asyncio's DEBUG_STACK_DEPTH. */
const DEBUG_STACK_DEPTH = 10;

/** Where each object was made, by the object: a stack's text. */
const created = new WeakMap<object, string>();

/** @internal records where `obj` is being made; `skip` is the outermost function of the library that made it */
export function _noteCreated(obj: object, skip: Function): void {
  const text = stackText(skip);
  if (text !== "") created.set(obj, text);
}

/** @internal asyncio's source_traceback for `obj`, if it was made in debug mode: program frames, most recent call last */
export function _sourceTraceback(obj: unknown): CallFrame[] | undefined {
  if (obj === null || (typeof obj !== "object" && typeof obj !== "function")) return undefined;
  const text = created.get(obj as object);
  return text === undefined ? undefined : traceback(text);
}

function traceback(text: string): CallFrame[] {
  return programFrames(parseStack(text)).slice(0, DEBUG_STACK_DEPTH).reverse();
}

/** What the registry keeps of a coroutine-like Future nothing has used yet: never the Future itself. */
interface Unawaited {
  loop: EventLoop;
  /** the stack where it was made */
  stack: string;
}

const unawaited: FinalizationRegistry<Unawaited> | null =
  typeof FinalizationRegistry === "function"
    ? new FinalizationRegistry((u) => {
        registered--;
        const frames = parseStack(u.stack);
        const context: { message: string; source_traceback?: CallFrame[] } = {
          message: `coroutine '${coroutineName(frames)}' was never awaited`,
        };
        if (frames.length > 0) context.source_traceback = traceback(u.stack);
        u.loop.callExceptionHandler(context);
      })
    : null;

/** how many coroutine-like Futures are registered: while 0, marking one used costs one load */
let registered = 0;
/** set while asCompleted makes its Futures: they are handed out one by one and need not all be awaited */
let suspended = 0;

/**
 * @internal a coroutine-like Future made while `loop` (in debug mode) runs: report it if it is
 * collected before _awaited() is called for it
 */
export function _trackCoroutine(fut: object, loop: EventLoop): void {
  if (unawaited === null || suspended !== 0) return;
  // from the frame that made it: its outermost wasmloop frame names it (coroutineName)
  unawaited.register(fut, { loop, stack: stackText(_trackCoroutine) }, fut);
  registered++;
}

/** @internal the coroutine-like Future is being used: it will not be reported */
export function _awaited(fut: object): void {
  if (registered !== 0 && unawaited!.unregister(fut)) registered--;
}

/** @internal runs `make` with never-awaited tracking off (asCompleted's Futures need not all be awaited) */
export function _untracked<T>(make: () => T): T {
  suspended++;
  try {
    return make();
  } finally {
    suspended--;
  }
}

/**
 * The public name of what made a coroutine-like Future: the outermost wasmloop frame of its
 * creation stack (what the program called: `sleep`, `Lock.acquire`, `waitFor`); "coroutine"
 * when wasmloop's frames cannot be told apart.
 */
function coroutineName(frames: readonly CallFrame[]): string {
  let name = "coroutine";
  for (const f of frames) {
    if (!isPackageFrame(f)) break;
    name = f.name;
  }
  return name;
}

/** The stack of a task at the moment it suspended, and the Future it suspended on. */
interface Suspension {
  fut: object;
  stack: string;
}

const suspensions = new WeakMap<object, Suspension>();

/**
 * @internal a task of `loop` (in debug mode) is suspending on `fut` (a Future's `yield*`):
 * records the stack of the moment for captureCallGraph; `skip` is the Future's iterator
 */
export function _noteSuspension(loop: EventLoop, fut: object, skip: Function): void {
  const task = loop._currentTask;
  if (task === null || typeof task !== "object") return;
  suspensions.set(task, { fut, stack: stackText(skip) });
}

/** @internal the frames of `task` when it suspended on `waiting` (its current wait), innermost first, if recorded */
export function _suspensionFrames(task: object, waiting: unknown): CallFrame[] | undefined {
  const s = suspensions.get(task);
  if (s === undefined || s.fut !== waiting) return undefined;
  return parseStack(s.stack);
}
