// What tracing costs (issue 13), on the virtual clock, in one process:
//
//   node --expose-gc bench/trace-cost.mjs             tracing on against off, this build
//   node --expose-gc bench/trace-cost.mjs OTHER_DIR   also this build against another one
//                                                     (OTHER_DIR/dist: e.g. the commit before
//                                                     tracing, built into a directory of its own)
//
// Why in one process and in short alternating samples: the machine this runs on has two cores
// shared with other work, whose load moves by tens of percent within a minute. Two samples
// taken back to back see the same load, so the ratio of each pair is steadier than either
// number; the median of those ratios is printed with its quartiles. The two builds are two
// module graphs, so neither shares JIT feedback with the other.
//
// The workloads are bench/'s W1 (callSoon in batches of 1,000, then one iteration) and W2's
// steady state (10⁴ timers pending, each firing arms another), smaller than bench/'s so that a
// sample lasts tens of milliseconds, and a task workload (1,000 tasks switching on sleep(0)).
// Tracing on adds stopTrace(), timed apart: it sorts and merges what was recorded.
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const self = await import(pathToFileURL(join(here, "..", "dist", "index.js")).href);
const otherDir = process.argv[2];
const other = otherDir === undefined ? null : await import(pathToFileURL(join(resolve(otherDir), "dist", "index.js")).href);
const PAIRS = Number(process.env.PAIRS ?? 40);
const gc = typeof globalThis.gc === "function" ? globalThis.gc : () => {};

let count = 0;
const tick = () => {
  count++;
};
/** distinct-looking delays, 1..1024 ms */
const delayOf = (i) => ((Math.imul(i, 7919) & 1023) + 1) / 1000;

/**
 * Each workload runs once on a fresh virtual loop of module `M`, tracing if `trace`, and
 * returns [ns per operation, ns per operation spent in stopTrace()].
 */
const WORKLOADS = {
  "W1 callSoon ×1,000 then one iteration (ns/callback)": (M, trace) => {
    const loop = new M.EventLoop({ clock: "virtual" });
    const ops = 100 * 1000;
    if (trace) loop.startTrace();
    const t0 = performance.now();
    for (let b = 0; b < 100; b++) {
      for (let i = 0; i < 1000; i++) loop.callSoon(tick);
      loop.runOnce();
    }
    return finish(loop, trace, t0, ops);
  },
  "W2 steady state, 10⁴ pending (ns/timer)": (M, trace) => {
    const loop = new M.EventLoop({ clock: "virtual" });
    const ops = 50_000;
    let fired = 0;
    const fut = loop.createFuture();
    const fire = () => {
      if (++fired === ops) fut.setResult(null);
      else loop.callLater(delayOf(fired), fire);
    };
    for (let i = 0; i < 10_000; i++) loop.callLater(delayOf(i), fire);
    if (trace) loop.startTrace();
    const t0 = performance.now();
    loop.runUntilCompleteSync(fut);
    return finish(loop, trace, t0, ops);
  },
  "tasks: 1,000 tasks × 20 sleep(0) (ns/switch)": (M, trace) => {
    const loop = new M.EventLoop({ clock: "virtual" });
    const ops = 1000 * 20;
    function* worker() {
      for (let i = 0; i < 20; i++) yield* M.sleep(0);
    }
    function* main() {
      yield* M.gather(...Array.from({ length: 1000 }, () => worker()));
    }
    if (trace) loop.startTrace();
    const t0 = performance.now();
    loop.runUntilCompleteSync(main());
    return finish(loop, trace, t0, ops);
  },
};

function finish(loop, trace, t0, ops) {
  const t1 = performance.now();
  if (trace) loop.stopTrace();
  const t2 = performance.now();
  loop.close();
  return [((t1 - t0) * 1e6) / ops, ((t2 - t1) * 1e6) / ops];
}

const quantile = (values, p) => {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))];
};
const f = (x, d = 0) => x.toFixed(d);

/** PAIRS pairs of samples of `a` and `b`, alternating which goes first; ratios are b / a */
function pairs(a, b) {
  for (let i = 0; i < 5; i++) (a(), b()); // warm-up
  const as = [], bs = [], extra = [], ratios = [];
  for (let i = 0; i < PAIRS; i++) {
    gc();
    let x, y;
    if (i % 2 === 0) (x = a(), y = b());
    else (y = b(), x = a());
    as.push(x[0]);
    bs.push(y[0]);
    extra.push(y[1]);
    ratios.push(y[0] / x[0]);
  }
  const q = (v, d = 0) => f(quantile(v, 0.5), d);
  return { a: q(as), b: q(bs), extra: q(extra), ratio: `${q(ratios, 2)}× (quartiles ${f(quantile(ratios, 0.25), 2)}–${f(quantile(ratios, 0.75), 2)})` };
}

console.log(`${PAIRS} pairs of samples per line; medians`);
for (const [name, run] of Object.entries(WORKLOADS)) {
  const r = pairs(() => run(self, false), () => run(self, true));
  console.log(`${name}: off ${r.a}, on ${r.b} + stopTrace ${r.extra}; on/off ${r.ratio}`);
  if (other !== null) {
    const o = pairs(() => run(other, false), () => run(self, false));
    console.log(`${name}, tracing off: ${otherDir} ${o.a}, this build ${o.b}; this/other ${o.ratio}`);
  }
}
