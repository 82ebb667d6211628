/**
 * TaskGroup: asyncio's structured concurrency (3.11+). Tasks made with `tg.createTask()`
 * inside the block are all done when the block is left:
 *
 *   yield* asyncWith(new TaskGroup(), function* (tg) {    // async with TaskGroup() as tg:
 *     tg.createTask(one());
 *     tg.createTask(two());
 *   });                                                   // both are done here
 *
 * The rules, asyncio 3.12's (taskgroups.py), resting on Task.cancelling()/uncancel() as
 * timeouts.ts does:
 * - The first child that fails (any exception but CancelledError) aborts the group: every
 *   other child is cancelled, and so is the parent task (the one that entered the block),
 *   once, so that the body's current await raises CancelledError and the body unwinds.
 *   `aexit` takes that request back (`uncancel()`), waits for every child, and raises
 *   `ExceptionGroup("unhandled errors in a TaskGroup", [...])` holding each child's
 *   exception in the order they failed, and the body's own exception last, if it raised one
 *   other than CancelledError.
 * - A CancelledError that reaches `aexit` without the group having asked for it comes from
 *   outside: the parent is being cancelled. The children are cancelled, awaited, and the
 *   CancelledError is raised again — unless a child failed meanwhile: errors win over
 *   cancellation. If the group did cancel the parent and `uncancel()` leaves no request,
 *   the CancelledError was only the group's and is not propagated.
 * - While `aexit` waits for the children, a cancel of the parent aborts the group (the
 *   children are cancelled) and is raised once they are done.
 * - `createTask` works from aenter until the last child is done after aexit began
 *   ("is finished" after that) and not while the group aborts ("is shutting down").
 *
 * States: new ──aenter──► entered ──(a child fails, or the body raises)──► aborting
 *         entered/aborting ──aexit (waits for the children)──► finished
 */
import { CancelledError, RuntimeError } from "./exceptions.js";
import { getEventLoop, getRunningLoop } from "./events.js";
import { Future } from "./futures.js";
import { CoroutineFuture } from "./coroutine-future.js";
import type { Task } from "./tasks.js";
import type { EventLoop } from "./loop.js";
import { isCoroutine } from "./coroutines.js";
import { ExceptionGroup } from "./exception-group.js";
import { describe } from "./validate.js";
import { _awaitedVia } from "./awaited-by.js";

/**
 * What TaskGroup.createTask takes: the options of `loop.createTask` (`name`, and what that grows).
 * @example
 * const options: TaskGroupTaskOptions = { name: "fetch-a" };
 */
export type TaskGroupTaskOptions = NonNullable<Parameters<EventLoop["createTask"]>[1]>;

/**
 * Runs tasks as a group: leaving the block waits for all of them; the first failure
 * cancels the rest and the block, and the group raises an ExceptionGroup.
 * @example
 * yield* asyncWith(new TaskGroup(), function* (tg) {
 *   const task1 = tg.createTask(someCoro());
 *   const task2 = tg.createTask(anotherCoro());
 * });
 * console.log("Both tasks have completed now.");
 */
export class TaskGroup {
  #entered = false;
  /** aexit began */
  #exiting = false;
  /** a child failed or the block raised: the children are being cancelled */
  #aborting = false;
  #loop: EventLoop | null = null;
  #parentTask: Task<unknown> | null = null;
  /** the group cancelled the parent task, and aexit must take that request back */
  #parentCancelRequested = false;
  /** the children not done yet, in creation order */
  readonly #tasks = new Set<Task<unknown>>();
  /** the children's exceptions in the order they failed; null once raised */
  #errors: unknown[] | null = [];
  /** what aexit waits on while children run; resolved by the last one to finish */
  #onCompleted: Future<boolean> | null = null;
  readonly #onTaskDone = (task: Task<unknown>) => this.#taskDone(task);

  /**
   * A new group, not entered yet; it takes no arguments, as asyncio's.
   * @example
   * yield* asyncWith(new TaskGroup(), function* (tg) { tg.createTask(work()); });
   */
  constructor(...args: never[]) {
    if (args.length > 0) {
      throw new TypeError(`TaskGroup: takes no arguments, got ${args.length} (${args.map((a) => describe(a)).join(", ")})`);
    }
  }

  /**
   * Enters the group in the current task (the parent). One of asyncio's coroutines
   * (`__aenter__`): `yield*` it, or let asyncWith do so.
   * @example
   * const tg = yield* group.aenter();
   */
  aenter(): Future<this> {
    return new CoroutineFuture<this>(this.#loop ?? getEventLoop(), () => this.#enter());
  }

  /**
   * Leaves the group: waits for every child; raises the ExceptionGroup of their failures,
   * or the parent's CancelledError; resolves to false otherwise. `exc` is what the block
   * raised (null: nothing). One of asyncio's coroutines (`__aexit__`).
   * @example
   * yield* group.aexit(null);
   */
  aexit(exc: unknown): Future<boolean> {
    return new CoroutineFuture<boolean>(this.#loop ?? getEventLoop(), () => this.#exit(exc));
  }

  /**
   * Starts `coro` as a Task of the group; `options` go to `loop.createTask` (a `name`, and
   * the `context` and `signal` it takes). RuntimeError before aenter, once the group is
   * finished, or while it is shutting down after a failure; the coroutine is then closed,
   * so it never runs.
   * @example
   * const t = tg.createTask(fetchOne(url), { name: url });
   */
  createTask<T>(coro: Generator<unknown, T, any> | Future<T>, options?: TaskGroupTaskOptions): Task<T> {
    if (options !== undefined && (options === null || typeof options !== "object")) {
      throw new TypeError(`TaskGroup.createTask: options must be an object, got ${describe(options)}`);
    }
    let refusal: string | null = null;
    if (!this.#entered) refusal = "has not been entered";
    else if (this.#exiting && this.#tasks.size === 0) refusal = "is finished";
    else if (this.#aborting) refusal = "is shutting down";
    if (refusal !== null) {
      close(coro);
      throw new RuntimeError(`TaskGroup ${this} ${refusal}`);
    }
    // as asyncio 3.12: the task is made unnamed and named afterwards, so it takes a Task-N
    // number as asyncio's does; every other option is passed on as it is
    let rest: TaskGroupTaskOptions | undefined = options;
    let name: unknown = undefined;
    if (options !== undefined && "name" in options) {
      ({ name, ...rest } = options as TaskGroupTaskOptions & { name?: unknown });
    }
    const task = rest === undefined ? this.#loop!.createTask(coro) : this.#loop!.createTask(coro, rest);
    if (name !== undefined && name !== null) task.setName(name as string);
    if (task.done()) {
      // a task that finished at once (an eager task): its done callback would come late
      this.#taskDone(task);
    } else {
      this.#tasks.add(task);
      task.addDoneCallback(this.#onTaskDone as (t: Future<T>) => void);
    }
    return task;
  }

  /**
   * asyncio's repr: `<TaskGroup tasks=2 errors=1 cancelling>`, `<TaskGroup entered>`.
   * @example
   * String(new TaskGroup());   // "<TaskGroup>"
   */
  toString(): string {
    const info = [""];
    if (this.#tasks.size > 0) info.push(`tasks=${this.#tasks.size}`);
    if (this.#errors !== null && this.#errors.length > 0) info.push(`errors=${this.#errors.length}`);
    if (this.#aborting) info.push("cancelling");
    else if (this.#entered) info.push("entered");
    return `<TaskGroup${info.join(" ")}>`;
  }

  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.toString();
  }

  // eslint-disable-next-line require-yield
  *#enter(): Generator<unknown, this, unknown> {
    if (this.#entered) throw new RuntimeError(`TaskGroup ${this} has already been entered`);
    const loop = (this.#loop ??= getRunningLoop());
    const parent = loop._currentTask as Task<unknown> | null;
    if (parent === null) throw new RuntimeError(`TaskGroup ${this} cannot determine the parent task`);
    this.#parentTask = parent;
    // as asyncio 3.14: each child is awaited by the parent task (call graphs)
    _awaitedVia(this.#onTaskDone, parent);
    this.#entered = true;
    return this;
  }

  *#exit(exc: unknown): Generator<unknown, boolean, unknown> {
    this.#exiting = true;
    const raised = exc !== null && exc !== undefined;
    let propagateCancel: CancelledError | null = exc instanceof CancelledError ? exc : null;
    if (this.#parentCancelRequested) {
      // the group cancelled the parent: take that back; nothing left means the
      // CancelledError was only ours
      if (this.#parentTask!.uncancel() === 0) propagateCancel = null;
    }
    // the block raised (or is being cancelled from outside): stop the children
    if (raised && !this.#aborting) this.#abort();
    // a loop, as asyncio's: the wait can be cancelled again and again (the parent cancelled
    // repeatedly); each time the children are cancelled and waited for once more
    while (this.#tasks.size > 0) {
      if (this.#onCompleted === null) this.#onCompleted = this.#loop!.createFuture<boolean>();
      try {
        yield* this.#onCompleted;
      } catch (e) {
        if (!(e instanceof CancelledError)) throw e;
        if (!this.#aborting) {
          // the parent is cancelled while the body is done and children run
          propagateCancel = e;
          this.#abort();
        }
      }
      this.#onCompleted = null;
    }
    const errors = this.#errors ?? [];
    // a CancelledError goes on, unless children failed: their errors win
    if (propagateCancel !== null && errors.length === 0) throw propagateCancel;
    if (raised && !(exc instanceof CancelledError)) errors.push(exc);
    if (errors.length > 0) {
      this.#errors = null;
      throw new ExceptionGroup("unhandled errors in a TaskGroup", errors);
    }
    return false;
  }

  #abort(): void {
    this.#aborting = true;
    for (const t of this.#tasks) if (!t.done()) t.cancel();
  }

  #taskDone(task: Task<unknown>): void {
    this.#tasks.delete(task);
    const waiter = this.#onCompleted;
    if (waiter !== null && this.#tasks.size === 0 && !waiter.done()) waiter.setResult(true);
    if (task.cancelled()) return;
    const exc = task.exception();
    if (exc === null) return;
    this.#errors?.push(exc);
    const parent = this.#parentTask!;
    if (parent.done()) {
      this.#loop!.callExceptionHandler({
        message: `Task ${task} has errored out but its parent task ${parent} is already completed`,
        exception: exc,
        task,
      });
      return;
    }
    if (!this.#aborting && !this.#parentCancelRequested) {
      // stop the body too: cancel the parent once; aexit takes the request back
      this.#abort();
      this.#parentCancelRequested = true;
      parent.cancel();
    }
  }
}

/** Python 3.13's `coro.close()` for a coroutine the group refuses: it will never run. */
function close(coro: unknown): void {
  if (coro instanceof Future) {
    if (coro._isFreshCoroutine()) coro.cancel();
  } else if (isCoroutine(coro)) {
    coro.return(undefined);
  }
}
