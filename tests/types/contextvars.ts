// Typed fixtures for contextvars, createTask, run/Runner and the task factory (see coroutines.ts).
import {
  Context, ContextVar, EventLoop, Runner, Task, Token, copyContext, createTask, eagerTaskFactory, run, sleep,
} from "../../src/index.js";

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function assertType<T extends true>(): T | void {}

const count = new ContextVar<number>("count", { default: 0 });
const n = count.get();
assertType<Equal<typeof n, number>>();
const token = count.set(1);
assertType<Equal<typeof token, Token<number>>>();
count.reset(token);
// @ts-expect-error a ContextVar<number> holds numbers
count.set("one");
// @ts-expect-error the default is a number too
new ContextVar<number>("x", { default: "zero" });

const ctx: Context = copyContext();
const got = ctx.get(count);
assertType<Equal<typeof got, number | undefined>>();
const ran = ctx.run((a: number, b: string) => `${a}${b}`, 1, "x");
assertType<Equal<typeof ran, string>>();
// @ts-expect-error run's arguments are checked against fn's parameters
ctx.run((a: number) => a, "not a number");

const loop = new EventLoop({ clock: "virtual" });
loop.callSoon((x: number) => x, 1, { context: ctx });
loop.callLater(1, (x: string) => x, "a");
// @ts-expect-error the callback's arguments are checked
loop.callSoon((x: number) => x, "a");
loop.setTaskFactory(eagerTaskFactory);

function* compute() {
  yield* sleep(1);
  return 3;
}
function* main() {
  const t = createTask(compute(), { name: "c", context: ctx });
  assertType<Equal<typeof t, Task<number>>>();
  const v = yield* t;
  assertType<Equal<typeof v, number>>();
  const fromPromise = loop.createTask(Promise.resolve("s"));
  assertType<Equal<typeof fromPromise, Task<string>>>();
}

const p = run(compute());
assertType<Equal<typeof p, Promise<number>>>();
const r = new Runner({ clock: "virtual" }).runSync(compute());
assertType<Equal<typeof r, number>>();
void main;
