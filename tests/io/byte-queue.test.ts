// ByteQueue, the StreamReader's buffer: views where a read fits in a chunk, joins that grow
// in place, and no byte handed out ever changing afterwards.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { ByteQueue } from "../../src/io/byte-queue.js";

const b = (...xs: number[]) => Uint8Array.from(xs);

describe("ByteQueue", () => {
  it("take within the first chunk is a view; across chunks a copy", () => {
    const q = new ByteQueue();
    const c1 = b(1, 2, 3);
    q.push(c1);
    q.push(b(4, 5));
    const v = q.take(2);
    expect(v.buffer).toBe(c1.buffer);
    expect([...v]).toEqual([1, 2]);
    expect([...q.take(2)]).toEqual([3, 4]);
    expect(q.length).toBe(1);
  });

  it("flat joins every chunk, and later pushes append to the join in place", () => {
    const q = new ByteQueue();
    q.push(b(1));
    q.push(b(2));
    const first = q.flat();
    q.push(b(3));
    const second = q.flat();
    expect(second.buffer).toBe(first.buffer);
    expect([...second]).toEqual([1, 2, 3]);
  });

  it("never changes bytes it handed out (fuzzed against a plain array)", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.record({ op: fc.constant("push" as const), data: fc.uint8Array({ minLength: 0, maxLength: 9 }) }),
            fc.record({ op: fc.constant("take" as const), n: fc.nat(12) }),
            fc.record({ op: fc.constant("flat" as const) }),
          ),
          { maxLength: 60 },
        ),
        (ops) => {
          const q = new ByteQueue();
          const model: number[] = [];
          const handed: [Uint8Array, number[]][] = [];
          for (const o of ops) {
            if (o.op === "push") {
              q.push(o.data);
              model.push(...o.data);
            } else if (o.op === "take") {
              const n = Math.min(o.n, model.length);
              const got = q.take(n);
              const want = model.splice(0, n);
              expect([...got]).toEqual(want);
              handed.push([got, want]);
            } else {
              expect([...q.flat()]).toEqual(model);
            }
            expect(q.length).toBe(model.length);
          }
          for (const [got, want] of handed) expect([...got]).toEqual(want);
        },
      ),
      { numRuns: 300 },
    );
  });
});
