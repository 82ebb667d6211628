// The three examples of the seed's cl.loop.Loop, with `using` for Python's `with`.
import { EventLoop, Loop, sleep } from "wasmloop";

function* waitForIt(timeout: number) {
  yield* sleep(timeout);
  return `success sleep for ${timeout} seconds`;
}

// Virtual time, so the five seconds of sleeping pass at once.
const virtual = () => new EventLoop({ clock: "virtual" });

/** Shows a result as the seed's `>>> result` does (Python's repr of strings and lists). */
const repr = (v: unknown): string => (Array.isArray(v) ? `[${v.map(repr).join(", ")}]` : typeof v === "string" ? `'${v}'` : String(v));

{
  // Several coroutines: a list of results, in the order given (the seed's text shows
  // completion order, but its implementation gathers, which keeps input order).
  using loop = new Loop(waitForIt(5), waitForIt(3), { returnExceptions: true, loop: virtual() });
  const result = loop.runUntilCompleteSync();
  console.log(repr(result));
}

{
  // A single coroutine: a single value.
  using loop = new Loop(waitForIt(4), { loop: virtual() });
  const result = loop.runUntilCompleteSync();
  console.log(repr(result));
}

function* doSomething() {
  return "something";
}

function* doSomethingElse() {
  return "something_else";
}

{
  // Gather first, then run inside the `using` block.
  const loop = new Loop({ returnExceptions: true, loop: virtual() });
  loop.gather(doSomething(), doSomethingElse());
  using l = loop;
  const result = l.runUntilCompleteSync();
  console.log(repr(result));
}
