// Node's own scheduling, where it measures something comparable. Variant "macrotask":
// setImmediate (W1: one check phase runs every immediate queued before it), setTimeout
// (W2.due: 1M timers of 1..64 ms, all due by the time the event loop gets control, so
// nothing waits; W3.cancel: setTimeout + clearTimeout; W4: bytes per pending Timeout).
// Variant "microtask": queueMicrotask (W1) and async/await (W5: a switch is `await
// undefined`, a task is an async function call, gather is Promise.all).
//
// Node keys its timers by duration: one linked list per distinct delay, a priority queue of
// lists. Distinct delays (W3, W4) are its worst case, few distinct delays (W2.due) its best.
import { expectEqual, gc, measureAsync } from "../lib/harness.mjs";
import { DELAYS_MS } from "../lib/delays.mjs";
import { perm20 } from "../lib/params.mjs";
import * as P from "../lib/params.mjs";

let count = 0;
const tick = () => {
  count++;
};
const immediate = () => new Promise((resolve) => setImmediate(resolve));

export function workloads(variant) {
  return variant === "microtask" ? microtask() : macrotask();
}

function macrotask() {
  return {
    "W1.once": () =>
      measureAsync({
        ops: P.W1_N,
        warmupOps: P.W1_N / 10,
        setup: (n) => ((count = 0), n),
        run: async (n) => {
          for (let i = 0; i < n - 1; i++) setImmediate(tick);
          await new Promise((resolve) =>
            setImmediate(() => {
              tick();
              resolve();
            }),
          );
        },
        check: (n) => expectEqual("callbacks run", count, n),
      }),

    "W1.steady": () =>
      measureAsync({
        ops: P.W1_BATCH * P.W1_BATCHES,
        setup: () => {
          count = 0;
        },
        run: async () => {
          for (let b = 0; b < P.W1_BATCHES; b++) {
            for (let i = 0; i < P.W1_BATCH - 1; i++) setImmediate(tick);
            await new Promise((resolve) =>
              setImmediate(() => {
                tick();
                resolve();
              }),
            );
          }
        },
        check: () => expectEqual("callbacks run", count, P.W1_BATCH * P.W1_BATCHES),
      }),

    "W2.due": () =>
      measureAsync({
        ops: P.W2_N,
        warmupOps: P.W2_N / 10,
        reps: 3,
        setup: (n) => ((count = 0), n),
        run: (n) =>
          new Promise((resolve) => {
            const fire = () => {
              if (++count === n) resolve();
            };
            for (let i = 0; i < n; i++) setTimeout(fire, (perm20(i) & 63) + 1);
          }),
        check: (n) => expectEqual("timers fired", count, n),
      }),

    "W3.cancel": () =>
      measureAsync({
        ops: P.W3_N,
        warmupOps: P.W3_N / 10,
        reps: 3,
        setup: (n) => ((count = 0), new Array(n)),
        run: async (timers) => {
          for (let i = 0; i < timers.length; i++) timers[i] = setTimeout(tick, DELAYS_MS[i]);
          for (let i = 0; i < timers.length; i++) clearTimeout(timers[i]);
          await immediate();
        },
        check: () => expectEqual("fired", count, 0),
      }),

    "W4.bytes": () => {
      const samples = [];
      for (let r = 0; r < 3; r++) {
        gc();
        gc();
        const heap0 = process.memoryUsage().heapUsed;
        const timers = new Array(P.W4_N);
        for (let i = 0; i < P.W4_N; i++) timers[i] = setTimeout(tick, DELAYS_MS[i]);
        gc();
        gc();
        // the Timeout objects, their lists and queue; minus the array this benchmark holds
        samples.push((process.memoryUsage().heapUsed - heap0 - 8 * P.W4_N) / P.W4_N);
        for (const t of timers) clearTimeout(t);
      }
      samples.sort((a, b) => a - b);
      return { value: samples[1], unit: "B", reps: samples.length, ops: P.W4_N };
    },
  };
}

function microtask() {
  return {
    "W1.once": () =>
      measureAsync({
        ops: P.W1_N,
        warmupOps: P.W1_N / 10,
        setup: (n) => ((count = 0), n),
        run: async (n) => {
          for (let i = 0; i < n; i++) queueMicrotask(tick);
          await null; // queued after all of them: runs once they all have
        },
        check: (n) => expectEqual("callbacks run", count, n),
      }),

    "W1.steady": () =>
      measureAsync({
        ops: P.W1_BATCH * P.W1_BATCHES,
        setup: () => {
          count = 0;
        },
        run: async () => {
          for (let b = 0; b < P.W1_BATCHES; b++) {
            for (let i = 0; i < P.W1_BATCH; i++) queueMicrotask(tick);
            await null;
          }
        },
        check: () => expectEqual("callbacks run", count, P.W1_BATCH * P.W1_BATCHES),
      }),

    "W5.switch": () =>
      measureAsync({
        ops: P.W5_SWITCHES,
        run: async () => {
          const worker = async (n) => {
            for (let i = 0; i < n; i++) await undefined;
          };
          await Promise.all([worker(P.W5_SWITCHES / 2), worker(P.W5_SWITCHES / 2)]);
        },
      }),

    "W5.tasks": () =>
      measureAsync({
        ops: P.W5_TASKS,
        reps: 7,
        setup: () => ({ last: null }),
        run: async (s) => {
          const tiny = async () => 1;
          let p;
          for (let i = 0; i < P.W5_TASKS; i++) p = tiny();
          s.last = await p;
        },
        check: (s) => expectEqual("last result", s.last, 1),
      }),

    "W5.gather": () =>
      measureAsync({
        ops: P.W5_GATHER,
        reps: 15,
        warmup: 3,
        setup: () => ({ out: null }),
        run: async (s) => {
          const tiny = async () => 1;
          const ps = new Array(P.W5_GATHER);
          for (let i = 0; i < P.W5_GATHER; i++) ps[i] = tiny();
          s.out = await Promise.all(ps);
        },
        check: (s) => expectEqual("results", s.out.length, P.W5_GATHER),
      }),
  };
}
