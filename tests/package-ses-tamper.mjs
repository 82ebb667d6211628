// Run by tests/package-ses.test.ts in a process of its own (lockdown() changes the realm for
// good): a hostile compartment attacks the wasmloop namespace it was given, then a victim
// compartment runs a loop. Prints one JSON object of findings.
//
//   node tests/package-ses-tamper.mjs BUNDLE
//
// BUNDLE is a script that evaluates to the package's namespace, as esbuild's iife format with
// a globalName gives it: its exports are getters. Three ways to hand it out are compared:
//   getters   harden(ns) on that namespace: freezes the getters, not what they return (the
//             recipe this replaces);
//   shared    one instance for every compartment, harden({ ...ns }): the exports as data
//             properties, so harden reaches every class, its prototype chain and every function;
//   own       one instance per compartment, each evaluated from the same bundle text, each
//             harden({ ...ns }): nothing a compartment does to its package reaches another's.
import "ses";
import { readFileSync } from "node:fs";

const bundle = readFileSync(process.argv[2], "utf8");
lockdown({ errorTaming: "unsafe", consoleTaming: "unsafe" });

/** A fresh instance of the package, in a compartment endowed with WebAssembly and a clock (for the default loop). */
const clock = harden({ now: () => performance.now() });
const instantiate = () =>
  new Compartment({ globals: { WebAssembly, performance: clock }, __options__: true }).evaluate(bundle);

// The attack, evaluated inside the hostile compartment: every kind of write to every export,
// to every prototype on its prototype chain (up to the frozen intrinsics), and to the loops
// the namespace hands out (the default loop). Returns the writes that took effect.
const attack = `(() => {
  const hijack = function () { return "hijacked"; };
  const landed = [];
  const seen = new Set();
  const intrinsic = (o) => o === Object.prototype || o === Function.prototype || o === Error.prototype ||
    o === Error || o === AggregateError || o === AggregateError.prototype;
  const attempt = (what, write) => {
    try { write(); landed.push(what); } catch {}
  };
  // every object reachable from an export through "prototype" and the prototype chain,
  // found before anything is written (a landed setPrototypeOf would cut the chain)
  const targets = [];
  const collect = (name, target) => {
    for (let o = target; o !== null && !intrinsic(o) && !seen.has(o); o = Object.getPrototypeOf(o)) {
      seen.add(o);
      targets.push([name, o]);
      const d = Object.getOwnPropertyDescriptor(o, "prototype");
      if (d && d.value) collect(name + ".prototype", d.value);
      name = "Object.getPrototypeOf(" + name + ")";
    }
  };
  const assault = (name, o) => {
    for (const key of Reflect.ownKeys(o)) {
      const label = name + "." + String(key);
      const d = Object.getOwnPropertyDescriptor(o, key);
      if (typeof d.value === "function" || typeof d.get === "function") {
        attempt(label + " = hijack", () => { o[key] = hijack; if (o[key] !== hijack) throw 0; });
        attempt("defineProperty " + label, () => Object.defineProperty(o, key, { value: hijack }));
        attempt("delete " + label, () => { if (!delete o[key]) throw 0; });
      }
    }
    attempt(name + ".added = 1", () => { o.added = 1; if (o.added !== 1) throw 0; });
    attempt("setPrototypeOf " + name, () => { if (!Reflect.setPrototypeOf(o, null)) throw 0; });
  };
  for (const key of Object.keys(wasmloop)) {
    const v = wasmloop[key];
    if (typeof v === "function" || (typeof v === "object" && v !== null)) collect(key, v);
  }
  for (const key of Object.keys(wasmloop)) {
    attempt("wasmloop." + key + " = hijack", () => { wasmloop[key] = hijack; if (wasmloop[key] !== hijack) throw 0; });
  }
  for (const [name, o] of targets) assault(name, o);
  // the loop every caller of getEventLoop() shares within one instance: a loop is an object
  // of the instance's state, not of its code, so harden() of the namespace cannot reach it
  // (an assignment fails on the frozen prototype's method, defineProperty does not)
  attempt("defineProperty getEventLoop().runUntilCompleteSync", () => {
    Object.defineProperty(wasmloop.getEventLoop(), "runUntilCompleteSync", { value: hijack });
  });
  attempt("setEventLoop(a hijacked loop)", () => {
    const fake = new wasmloop.EventLoop({ clock: "virtual" });
    Object.defineProperty(fake, "runUntilCompleteSync", { value: hijack });
    wasmloop.setEventLoop(fake);
  });
  return landed;
})()`;

// The victim: a loop of its own, Tasks, sleeps, gather, a cancelled handle, and the default
// loop; prints a trace that must not change.
const victim = `(() => {
  const { EventLoop, sleep, gather, getEventLoop, CancelledError } = wasmloop;
  const loop = new EventLoop({ clock: "virtual" });
  const trace = [];
  loop.callSoon((x) => trace.push("soon " + x), 1);
  loop.callLater(2, () => trace.push("later at " + loop.time()));
  loop.callLater(3, () => trace.push("never")).cancel();
  function* worker(name, delay) {
    yield* sleep(delay);
    trace.push(name + " at " + loop.time());
    return name;
  }
  const t = loop.createTask(worker("c", 10));
  loop.callLater(4, () => t.cancel("stop"));
  function* main() {
    const names = yield* gather(worker("a", 1), worker("b", 5));
    try { yield* t; } catch (e) { trace.push((e instanceof CancelledError ? "cancelled " : "?") + e.message); }
    return names.join("+");
  }
  trace.push("result " + loop.runUntilCompleteSync(main()) + " at " + loop.time());
  let viaDefault;
  try { viaDefault = "default loop: " + getEventLoop().runUntilCompleteSync(sleep(0, "ran")); } catch (e) { viaDefault = String(e); }
  return { ownLoop: trace.join("; "), defaultLoop: viaDefault };
})()`;

const run = (wasmloop, source) =>
  new Compartment({ globals: { wasmloop }, __options__: true }).evaluate(source);

const expected = run(harden({ ...instantiate() }), victim);
const findings = { expected };

{
  const ns = harden(instantiate());
  findings.getters = { landed: run(ns, attack) };
}
{
  const ns = harden({ ...instantiate() });
  findings.shared = { landed: run(ns, attack), victim: run(ns, victim) };
}
{
  const hostileNs = harden({ ...instantiate() });
  const victimNs = harden({ ...instantiate() });
  findings.own = {
    landed: run(hostileNs, attack),
    victim: run(victimNs, victim),
    // the same attack on an unhardened copy: everything lands there, and still stays there
    landedUnhardened: run(instantiate(), attack).length,
    victimAfterUnhardened: run(victimNs, victim),
    distinctClasses: hostileNs.EventLoop !== victimNs.EventLoop,
  };
}
console.log(JSON.stringify(findings));
