/**
 * Context variables: Python's `contextvars` (PEP 567) — ContextVar, Token, Context,
 * copyContext — and the one piece of state they share, the current context.
 *
 * HOW and WHY
 *
 * A Context is a mapping ContextVar → value held as an immutable Map (`Data`). Nothing ever
 * mutates a Data: `set()` builds a new Map and points the context at it (O(n) in the number
 * of variables set in that context, usually a handful), so a copy is one pointer (O(1)),
 * and the loop can keep "the context current when this callback was scheduled" as a bare
 * reference to the Data of that moment — no object per call.
 *
 * The current context is `state.current`, or, when that is null, "a fresh copy of
 * `state.pending` that nobody holds yet". That second form is what callbacks and tasks run
 * in: asyncio runs every callback in a copy of the context captured when it was scheduled,
 * and a copy no one ever writes to need never exist. The first `set()` (or anything else
 * that needs the object) materializes it (`materialize()`); the loop drops it when the call
 * returns. So a program that never sets a variable allocates nothing per callback, and one
 * that does pays for a Context only where a callback or task actually sets one.
 *
 *   state.current !== null   the current context is that object (entered: `_entered`)
 *   state.current === null   it is an unmaterialized copy of state.pending (Data)
 *
 * Invariants: `_entered` is true exactly while a context is current (or saved below a
 * context run inside it: Context.run, a task step); a Context is entered at most once;
 * `EMPTY` is the Data of every empty context, so "nothing was ever set here" is one
 * comparison (`data === EMPTY`).
 *
 * What the loop and tasks use (all @internal): `_capture()` (the current Data, or undefined
 * for EMPTY: store it beside a callback), and `state` with `materialize()` to switch
 * contexts around a call (base-events.ts dispatch, Task steps).
 */
import { LookupError, RuntimeError } from "./exceptions.js";
import { checkFunction, describe } from "./validate.js";

/** @internal an immutable mapping: never mutated once a context points at it */
export type Data = ReadonlyMap<ContextVar<any>, unknown>;

/** @internal the Data of every empty context */
export const EMPTY: Data = new Map();

/** @internal what owns a pending copy: a Task, whose `_context` becomes the copy once it is made */
export interface ContextOwner {
  _context: Context | null;
}

/**
 * @internal the current context: `current`, or, while it is null, a fresh copy of `pending`
 * that nothing has needed as an object yet; `owner` (if any) is told when that copy is made.
 * `used` turns true at the first set(), for good: until then every context is empty, so the
 * loop's hot paths capture nothing (one load).
 */
export const state: { current: Context | null; pending: Data; owner: ContextOwner | null; used: boolean } = {
  current: null,
  pending: EMPTY,
  owner: null,
  used: false,
};

/** @internal what a callback's slot keeps: a Data snapshot (run in a fresh copy of it) or a Context (run in it) */
export type Captured = Data | Context;

/** @internal the current context's Data for a callback scheduled now; undefined when it is empty */
export function _capture(): Data | undefined {
  if (!state.used) return undefined;
  const cur = state.current;
  const data = cur === null ? state.pending : cur._data;
  return data === EMPTY ? undefined : data;
}

/** @internal the current context's Data (what a copy would hold) */
export function _snapshot(): Data {
  const cur = state.current;
  return cur === null ? state.pending : cur._data;
}

/** @internal the current context as an object, made now if it was a pending copy */
export function materialize(): Context {
  let cur = state.current;
  if (cur === null) {
    cur = new Context();
    cur._data = state.pending;
    cur._entered = true;
    state.current = cur;
    const owner = state.owner;
    if (owner !== null) {
      owner._context = cur;
      state.owner = null;
    }
  }
  return cur;
}

/** @internal leaves whatever context a call ran in and makes the current one a fresh empty copy */
export function _resetToEmpty(): void {
  const cur = state.current;
  if (cur !== null) {
    cur._entered = false;
    state.current = null;
  }
  state.pending = EMPTY;
  state.owner = null;
}

/**
 * @internal makes `c` current for one call (base-events.ts dispatch); the caller restores
 * with _resetToEmpty(). RuntimeError if `c` is a Context that is already entered.
 */
export function _enter(c: Captured): void {
  if (c instanceof Context) {
    if (c._entered) throw new RuntimeError(`cannot enter context: ${c} is already entered`);
    c._entered = true;
    state.current = c;
  } else {
    state.current = null;
    state.pending = c;
  }
}

const currentData = _snapshot;

const MISSING_DEFAULT = Symbol("no default");
const TOKEN_KEY = Symbol("Token");

/**
 * A context variable (Python's `contextvars.ContextVar`): a value per context. Tasks run in
 * a copy of the context current when they were created, and loop callbacks in the context
 * current when they were scheduled, so a value set in one task is invisible to the others
 * and to its creator.
 * @example
 * const requestId = new ContextVar<string>("requestId", { default: "-" });
 * function* handle(id: string) {
 *   requestId.set(id);
 *   yield* sleep(1);
 *   console.log(requestId.get());   // still this task's id
 * }
 */
export class ContextVar<T> {
  readonly #name: string;
  readonly #default: T | typeof MISSING_DEFAULT;

  /** `options.default` is what `get()` returns where the variable has no value (key present: even `undefined`). */
  constructor(name: string, options?: { default?: T }) {
    if (typeof name !== "string") throw new TypeError(`ContextVar: name must be a string, got ${describe(name)}`);
    if (options !== undefined && (options === null || typeof options !== "object")) {
      throw new TypeError(`ContextVar: options must be an object, got ${describe(options)}`);
    }
    for (const key of Object.keys(options ?? {})) {
      if (key !== "default") throw new TypeError(`ContextVar: unknown option ${JSON.stringify(key)} (known: default)`);
    }
    this.#name = name;
    this.#default = options !== undefined && "default" in options ? (options.default as T) : MISSING_DEFAULT;
  }

  /** The variable's name (for reprs and debugging only: two variables may share a name). */
  get name(): string {
    return this.#name;
  }

  /**
   * The value in the current context; else `defaultValue` if one is passed; else the
   * variable's default; else throws LookupError.
   * @example
   * const v = new ContextVar<number>("v");
   * v.get(0);   // 0: not set, the default passed here
   */
  get(defaultValue?: T): T {
    const data = currentData();
    if (data !== EMPTY) {
      const v = data.get(this);
      if (v !== undefined || data.has(this)) return v as T;
    }
    // eslint-disable-next-line prefer-rest-params -- get(undefined) passes a default; get() does not
    if (arguments.length > 0) return defaultValue as T;
    if (this.#default !== MISSING_DEFAULT) return this.#default;
    throw new LookupError(`ContextVar ${JSON.stringify(this.#name)} has no value in this context and no default`);
  }

  /**
   * Sets the value in the current context; returns a Token that `reset()` uses to restore
   * the previous value (once, in the same context). `using _ = v.set(x)` resets at the end
   * of the block (Python 3.14's `with v.set(x):`).
   * @example
   * const token = user.set("ada");
   * try { yield* work(); } finally { user.reset(token); }
   */
  set(value: T): Token<T> {
    state.used = true;
    const ctx = materialize();
    const data = ctx._data;
    const old = data.has(this) ? (data.get(this) as T) : Token.MISSING;
    const next = new Map(data);
    next.set(this, value);
    ctx._data = next;
    return new Token<T>(TOKEN_KEY, ctx, this, old);
  }

  /**
   * Restores the value the variable had before the `set()` that returned `token`.
   * RuntimeError if the token was used already; RangeError (Python's ValueError) if it was
   * made by another variable or in another context.
   * @example
   * const token = level.set(2);
   * level.reset(token);   // back to what it was
   */
  reset(token: Token<T>): void {
    if (!(token instanceof Token)) throw new TypeError(`ContextVar.reset: token must be a Token, got ${describe(token)}`);
    if (token._used) throw new RuntimeError(`${token} has already been used once`);
    if (token.var !== this) throw new RangeError(`ContextVar.reset: ${token} was created by a different ContextVar`);
    if (token._context !== state.current) throw new RangeError(`ContextVar.reset: ${token} was created in a different Context`);
    const ctx = token._context;
    const next = new Map(ctx._data);
    if (token.oldValue === Token.MISSING) next.delete(this);
    else next.set(this, token.oldValue);
    ctx._data = next.size === 0 ? EMPTY : next;
    token._used = true;
  }

  /** Python's repr, e.g. `<ContextVar name='request_id' default=None>`. */
  toString(): string {
    const dflt = this.#default === MISSING_DEFAULT ? "" : ` default=${describeValue(this.#default)}`;
    return `<ContextVar name=${JSON.stringify(this.#name)}${dflt}>`;
  }

  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.toString();
  }
}

/** What `Token.oldValue` is when the variable had no value before the set. */
const MISSING: unique symbol = Symbol("Token.MISSING");

/**
 * What `ContextVar.set()` returns: the variable, its previous value (`Token.MISSING` if it
 * had none) and, privately, the context it was set in. `reset(token)` uses it once.
 * @example
 * const token = v.set(1);
 * token.oldValue === Token.MISSING;   // v had no value before
 * v.reset(token);
 */
export class Token<T> {
  /** The marker `oldValue` holds when the variable had no value before the set. */
  static readonly MISSING: typeof MISSING = MISSING;
  /** @internal */ readonly _context: Context;
  /** @internal */ _used = false;
  readonly #var: ContextVar<T>;
  readonly #old: T | typeof MISSING;

  /** @internal tokens are made by ContextVar.set() */
  constructor(key: symbol, context: Context, v: ContextVar<T>, old: T | typeof MISSING) {
    if (key !== TOKEN_KEY) throw new TypeError("Token: tokens are made by ContextVar.set(), not by new Token()");
    this._context = context;
    this.#var = v;
    this.#old = old;
  }

  /** The variable whose set() made this token. */
  get var(): ContextVar<T> {
    return this.#var;
  }

  /** The variable's value before the set, or `Token.MISSING`. */
  get oldValue(): T | typeof MISSING {
    return this.#old;
  }

  /** `using _ = v.set(x)`: resets the variable at the end of the block, unless the token was used already. */
  [Symbol.dispose](): void {
    if (!this._used) this.#var.reset(this);
  }

  /** Python's repr: the variable and the value it replaced. */
  toString(): string {
    return `<Token${this._used ? " used" : ""} var=${this.#var}>`;
  }

  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.toString();
  }
}

/**
 * A mapping of context variables to values (Python's `contextvars.Context`): `run(fn)`
 * calls `fn` with this context current, so the `set()`s it makes land here. `copy()` is
 * O(1). Read it as Python's Mapping: `get`, `has` (`in`), `size` (`len`), `keys()`,
 * `values()`, `items()`, and iteration over the variables. `new Context()` is empty; the
 * current context's copy is `copyContext()`.
 * @example
 * const ctx = copyContext();
 * ctx.run(() => user.set("ada"));     // sets it in ctx only
 * ctx.get(user);                      // "ada"
 * loop.createTask(work(), { context: ctx });   // the task runs in ctx itself
 */
export class Context implements Iterable<ContextVar<unknown>> {
  /** @internal never mutated: set() replaces it */ _data: Data = EMPTY;
  /** @internal true while current (or under a context run inside it) */ _entered = false;

  constructor(...args: never[]) {
    if (args.length > 0) throw new TypeError(`Context: takes no arguments (got ${args.length}); use copyContext() for a copy of the current one`);
  }

  /**
   * Calls `fn(...args)` with this context current and returns its result; the context
   * is restored when `fn` returns or throws. RuntimeError if this context is already
   * entered (current, or running further up the stack).
   * @example
   * const ctx = new Context();
   * ctx.run(() => v.set(1));
   * ctx.run(() => v.get());   // 1
   */
  run<A extends unknown[], R>(fn: (...args: A) => R, ...args: A): R {
    checkFunction("Context.run", "fn", fn);
    if (this._entered) throw new RuntimeError(`cannot enter context: ${this} is already entered`);
    const prevCurrent = state.current;
    const prevPending = state.pending;
    const prevOwner = state.owner;
    this._entered = true;
    state.current = this;
    state.owner = null;
    try {
      return fn(...args);
    } finally {
      this._entered = false;
      state.current = prevCurrent;
      state.pending = prevPending;
      state.owner = prevOwner;
    }
  }

  /**
   * A shallow copy, O(1): later sets in either do not show in the other.
   * @example
   * const snapshot = ctx.copy();
   */
  copy(): Context {
    return fromData(this._data);
  }

  /**
   * The variable's value in this context; else `defaultValue` (undefined if omitted).
   * @example
   * ctx.get(user, "nobody");
   */
  get<T>(v: ContextVar<T>, defaultValue?: T): T | undefined {
    checkVar("Context.get", v);
    const data = this._data;
    return data.has(v) ? (data.get(v) as T) : defaultValue;
  }

  /**
   * True if the variable has a value in this context (Python's `var in ctx`).
   * @example
   * if (ctx.has(user)) console.log(ctx.get(user));
   */
  has(v: ContextVar<unknown>): boolean {
    checkVar("Context.has", v);
    return this._data.has(v);
  }

  /** How many variables have a value here (Python's `len(ctx)`). */
  get size(): number {
    return this._data.size;
  }

  /**
   * The variables that have a value here.
   * @example
   * for (const v of ctx.keys()) console.log(v.name);
   */
  keys(): IterableIterator<ContextVar<unknown>> {
    return this._data.keys();
  }

  /**
   * Their values, in the order of keys().
   * @example
   * [...ctx.values()];
   */
  values(): IterableIterator<unknown> {
    return this._data.values();
  }

  /**
   * [variable, value] pairs (Python's `items()`).
   * @example
   * for (const [v, value] of ctx.items()) console.log(v.name, value);
   */
  items(): IterableIterator<[ContextVar<unknown>, unknown]> {
    return this._data.entries();
  }

  /** Iterates over the variables, as a Python Mapping does. */
  [Symbol.iterator](): IterableIterator<ContextVar<unknown>> {
    return this._data.keys();
  }

  /** A short description: how many variables the context holds. */
  toString(): string {
    return `<Context size=${this._data.size}${this._entered ? " entered" : ""}>`;
  }

  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.toString();
  }
}

/** @internal a Context over `data` (shared: never mutated) */
export function fromData(data: Data): Context {
  const ctx = new Context();
  ctx._data = data;
  return ctx;
}

/**
 * A copy of the current context (O(1)).
 * @example
 * const ctx = copyContext();
 * loop.callSoon(() => console.log(v.get()), { context: ctx });
 */
export function copyContext(): Context {
  return fromData(currentData());
}

/**
 * @internal the trailing `{ context }` argument of callSoon/callLater/callAt: an object
 * whose own keys are exactly `context`, holding a Context. Anything else is a plain
 * argument for the callback, so a user's own `{ context: 1 }` or `{ context: ctx, x: 1 }`
 * is never swallowed.
 */
export function isContextOption(x: unknown): x is { context: Context } {
  if (x === null || typeof x !== "object") return false;
  const proto = Object.getPrototypeOf(x);
  if (proto !== Object.prototype && proto !== null) return false;
  if (!((x as { context?: unknown }).context instanceof Context)) return false;
  const keys = Object.keys(x);
  return keys.length === 1 && keys[0] === "context";
}

/** @internal TypeError unless `ctx` is undefined, null or a Context; returns it as Context | undefined */
export function checkContext(where: string, ctx: unknown): Context | undefined {
  if (ctx === undefined || ctx === null) return undefined;
  if (!(ctx instanceof Context)) throw new TypeError(`${where}: options.context must be a Context, got ${describe(ctx)}`);
  return ctx;
}

function checkVar(where: string, v: unknown): void {
  if (!(v instanceof ContextVar)) throw new TypeError(`${where}: a ContextVar key was expected, got ${describe(v)}`);
}

function describeValue(v: unknown): string {
  if (typeof v === "string") return JSON.stringify(v);
  if (v === null || typeof v !== "object") return String(v);
  return Array.isArray(v) ? "[...]" : describe(v);
}
