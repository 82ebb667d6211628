// The wasm core fuzzed against the TypeScript reference: the same random call sequences
// must give the same return values and hand over the same slots in the same order.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { createWasmCore, type SchedulerCore } from "../../src/core/wasm.js";
import { ReferenceCore } from "../../src/core/reference.js";
import { CHUNK, ITER_HOLD, ITER_JUMP, ITER_NOW, MAX_GENERATION } from "../../src/core/layout.js";
import "../helpers.js";

type Op =
  | { kind: "soon" }
  | { kind: "at"; when: number }
  | { kind: "cancel"; pick: number }
  | { kind: "iterate"; now: number; mode: number }
  | { kind: "clear" }
  | { kind: "burst"; n: number; timers: boolean };

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.constant<Op>({ kind: "soon" }) },
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 8 }).map<Op>((w) => ({ kind: "at", when: w / 2 })) },
  { weight: 4, arbitrary: fc.nat(1000).map<Op>((pick) => ({ kind: "cancel", pick })) },
  {
    weight: 3,
    arbitrary: fc
      .record({ d: fc.integer({ min: 0, max: 10 }), mode: fc.constantFrom(ITER_NOW, ITER_NOW, ITER_JUMP, ITER_HOLD) })
      .map<Op>(({ d, mode }) => ({ kind: "iterate", now: d / 2, mode })),
  },
  { weight: 1, arbitrary: fc.constant<Op>({ kind: "clear" }) },
);

// Bursts of more entries than one take() hands over, so iterations span several chunks
// and cancellations land in chunks not handed over yet.
const withBursts: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: op },
  {
    weight: 1,
    arbitrary: fc
      .record({ n: fc.integer({ min: CHUNK - 2, max: 3 * CHUNK }), timers: fc.boolean() })
      .map<Op>(({ n, timers }) => ({ kind: "burst", n, timers })),
  },
);

function apply(core: SchedulerCore, ops: Op[]): unknown[] {
  const ids: number[] = [];
  const trace: unknown[] = [];
  for (const o of ops) {
    switch (o.kind) {
      case "soon":
        ids.push(core.soon());
        trace.push(ids[ids.length - 1]);
        break;
      case "at":
        ids.push(core.at(o.when));
        trace.push(ids[ids.length - 1]);
        break;
      case "cancel":
        trace.push(ids.length === 0 ? null : core.cancel(ids[o.pick % ids.length]));
        break;
      case "iterate": {
        // cancel one handed-over entry midway, as a callback would
        const fired: number[] = [];
        let n = core.iterate(o.now, 1e-9, o.mode);
        trace.push(n);
        if (n >= 0) {
          trace.push(core.time(), core.unhanded());
          for (; n >= 0; n = core.take()) {
            const chunk = core.chunk();
            for (let i = 0; i < n; i++) fired.push(chunk[i]);
            if (n > 0 && ids.length > 0) trace.push(core.cancel(ids[(fired.length * 7) % ids.length]));
          }
        }
        trace.push(fired);
        break;
      }
      case "clear":
        core.clear();
        trace.push("clear");
        break;
      case "burst":
        // deadlines cycle through the same small set as "at", so the burst ties with them
        for (let i = 0; i < o.n; i++) ids.push(o.timers ? core.at((i % 9) / 2) : core.soon());
        trace.push(ids.slice(-o.n));
        break;
    }
    trace.push(core.readyCount(), core.timerCount(), core.nextDeadline());
  }
  return trace;
}

/** The loop's salt, the generation slots start at: anywhere, and often next to the wrap at MAX_GENERATION. */
const salt = fc.oneof(fc.integer({ min: 1, max: MAX_GENERATION }), fc.integer({ min: MAX_GENERATION - 3, max: MAX_GENERATION }));

describe("wasm core against the reference core", () => {
  it("agrees on every return value and every firing order", () => {
    fc.assert(
      fc.property(salt, fc.array(op, { maxLength: 200 }), (first, ops) => {
        expect(apply(createWasmCore(first), ops)).toEqual(apply(new ReferenceCore(first), ops));
      }),
      { numRuns: 400 },
    );
  });

  it("agrees when iterations span several chunks", () => {
    fc.assert(
      fc.property(salt, fc.array(withBursts, { maxLength: 60 }), (first, ops) => {
        expect(apply(createWasmCore(first), ops)).toEqual(apply(new ReferenceCore(first), ops));
      }),
      { numRuns: 100 },
    );
  });
});
