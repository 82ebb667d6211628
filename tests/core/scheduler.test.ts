// One behavioural suite over both scheduler cores: the wasm one and the TypeScript reference.
import { describe, expect, it } from "vitest";
import {
  CANCEL_READY, CANCEL_STALE, CANCEL_TIMER, CHUNK, ITER_HOLD, ITER_JUMP, ITER_NOW, MAX_GENERATION, MAX_SLOTS,
  nextFirstGeneration, slotOf,
} from "../../src/core/layout.js";
import { createWasmCore } from "../../src/core/wasm.js";
import { CORES, iterate } from "../helpers.js";

describe.each(CORES)("%s core", (_name, make) => {
  it("fires timers in deadline order", () => {
    const core = make();
    const ids = [0.3, 0.1, 0.2].map((w) => core.at(w));
    expect(iterate(core, 1)).toEqual([ids[1], ids[2], ids[0]].map(slotOf));
  });

  it("fires equal deadlines in scheduling order", () => {
    const core = make();
    const ids = Array.from({ length: 50 }, () => core.at(1));
    expect(iterate(core, 2)).toEqual(ids.map(slotOf));
  });

  it("runs ready entries first in, first out", () => {
    const core = make();
    const ids = Array.from({ length: 10 }, () => core.soon());
    expect(iterate(core, 0)).toEqual(ids.map(slotOf));
  });

  it("collects only timers due before the deadline", () => {
    const core = make();
    const early = core.at(1);
    core.at(2);
    expect(iterate(core, 2)).toEqual([slotOf(early)]);
    expect(core.timerCount()).toBe(1);
  });

  it("appends due timers after entries already ready", () => {
    const core = make();
    const t = core.at(0);
    const s = core.soon();
    expect(iterate(core, 1)).toEqual([slotOf(s), slotOf(t)]);
  });

  it("hands the first chunk over from iterate(), and says the iteration is exhausted with take() === -1", () => {
    const core = make();
    core.soon();
    expect(core.iterate(0, 0, ITER_NOW)).toBe(1);
    expect(core.unhanded()).toBe(0);
    expect(core.take()).toBe(-1);
  });

  it("answers 0, not -1, for an iteration with nothing to run", () => {
    const core = make();
    core.at(5);
    expect(core.iterate(1, 0, ITER_NOW)).toBe(0);
    expect(core.time()).toBe(1);
    expect(core.timerCount()).toBe(1);
  });

  it("keeps entries added during an iteration for the next one", () => {
    const core = make();
    const a = core.soon();
    expect(core.iterate(0, 0, ITER_NOW)).toBe(1);
    const b = core.soon();
    expect(core.take()).toBe(-1);
    expect(core.readyCount()).toBe(1);
    expect(iterate(core, 0)).toEqual([slotOf(b)]);
    expect(slotOf(a)).not.toBe(slotOf(b));
  });

  it("removes a cancelled timer from the heap", () => {
    const core = make();
    const a = core.at(1);
    const b = core.at(2);
    expect(core.cancel(a)).toBe(CANCEL_TIMER);
    expect(core.timerCount()).toBe(1);
    expect(iterate(core, 3)).toEqual([slotOf(b)]);
  });

  it("drops a cancelled ready entry from take()", () => {
    const core = make();
    const a = core.soon();
    const b = core.soon();
    expect(core.cancel(a)).toBe(CANCEL_READY);
    expect(iterate(core, 0)).toEqual([slotOf(b)]);
  });

  it("reports a handed-over entry as cancellable until the next take", () => {
    const core = make();
    const a = core.soon();
    core.iterate(0, 0, ITER_NOW);
    expect(core.cancel(a)).toBe(CANCEL_READY);
    expect(core.cancel(a)).toBe(CANCEL_STALE);
  });

  it("makes an id stale once the iteration after the one that handed it over starts", () => {
    const core = make();
    const a = core.soon();
    iterate(core, 0);
    iterate(core, 0);
    expect(core.cancel(a)).toBe(CANCEL_STALE);
  });

  it("never lets a stale id cancel the slot's next occupant", () => {
    const core = make();
    const old = core.at(1);
    core.cancel(old);
    const fresh = core.at(1);
    expect(slotOf(fresh)).toBe(slotOf(old));
    expect(fresh).not.toBe(old);
    expect(core.cancel(old)).toBe(CANCEL_STALE);
    expect(core.timerCount()).toBe(1);
    expect(core.cancel(fresh)).toBe(CANCEL_TIMER);
  });

  it.each([NaN, -1, 1.5, 2 ** 60, Infinity, -Infinity, 0])("treats the id %s as stale", (id) => {
    const core = make();
    core.at(1);
    core.soon();
    expect(core.cancel(id)).toBe(CANCEL_STALE);
    expect(core.timerCount()).toBe(1);
    expect(core.readyCount()).toBe(1);
  });

  it("reports Infinity as the next deadline when no timer is pending", () => {
    expect(make().nextDeadline()).toBe(Infinity);
  });

  it("reports the earliest deadline, also after cancelling it", () => {
    const core = make();
    const a = core.at(1);
    core.at(3);
    core.at(2);
    expect(core.nextDeadline()).toBe(1);
    core.cancel(a);
    expect(core.nextDeadline()).toBe(2);
  });

  it("clear() empties everything and makes every id stale", () => {
    const core = make();
    const t = core.at(1);
    const s = core.soon();
    core.clear();
    expect(core.timerCount()).toBe(0);
    expect(core.readyCount()).toBe(0);
    expect(core.cancel(t)).toBe(CANCEL_STALE);
    expect(core.cancel(s)).toBe(CANCEL_STALE);
    expect(iterate(core, 10)).toEqual([]);
  });

  it("hands more than CHUNK entries over in several takes", () => {
    const core = make();
    const ids = Array.from({ length: CHUNK * 2 + 5 }, () => core.soon());
    const sizes: number[] = [core.iterate(0, 0, ITER_NOW)];
    expect(core.unhanded()).toBe(CHUNK + 5);
    for (let n = core.take(); n >= 0; n = core.take()) sizes.push(n);
    expect(sizes).toEqual([CHUNK, CHUNK, 5]);
    expect(ids.length).toBe(CHUNK * 2 + 5);
  });

  it("takes the timers due within `resolution` of now", () => {
    const core = make();
    const a = core.at(1 + 1e-10);
    core.at(1.1);
    expect(iterate(core, 1, ITER_NOW)).toEqual([]);
    expect(core.iterate(1, 1e-9, ITER_NOW)).toBe(1);
    expect(core.chunk()[0]).toBe(slotOf(a));
  });

  it("ITER_JUMP with nothing ready moves the time to the earliest deadline and runs what is due there", () => {
    const core = make();
    const a = core.at(5);
    const b = core.at(5);
    core.at(7);
    expect(iterate(core, 1, ITER_JUMP)).toEqual([slotOf(a), slotOf(b)]);
    expect(core.time()).toBe(5);
    expect(core.nextDeadline()).toBe(7);
  });

  it("ITER_JUMP does not jump while entries are ready", () => {
    const core = make();
    const s = core.soon();
    core.at(5);
    expect(iterate(core, 1, ITER_JUMP)).toEqual([slotOf(s)]);
    expect(core.time()).toBe(1);
  });

  it("ITER_JUMP never moves the time backwards", () => {
    const core = make();
    const a = core.at(0.5);
    expect(iterate(core, 1, ITER_JUMP)).toEqual([slotOf(a)]);
    expect(core.time()).toBe(1);
  });

  it("ITER_JUMP with nothing ready and no timer does nothing and answers -1", () => {
    const core = make();
    core.iterate(3, 0, ITER_NOW);
    expect(core.iterate(4, 0, ITER_JUMP)).toBe(-1);
    expect(core.time()).toBe(3);
  });

  it("ITER_HOLD with nothing ready does nothing, not even the timers already due, and answers -1", () => {
    const core = make();
    core.at(0);
    expect(core.iterate(1, 0, ITER_HOLD)).toBe(-1);
    expect(core.timerCount()).toBe(1);
    expect(core.readyCount()).toBe(0);
  });

  it("ITER_HOLD runs what is ready, with the timers due now", () => {
    const core = make();
    const t = core.at(0);
    core.at(9);
    const s = core.soon();
    expect(iterate(core, 1, ITER_HOLD)).toEqual([slotOf(s), slotOf(t)]);
    expect(core.time()).toBe(1);
  });

  it("frees the slots handed over by the previous iteration when the next one starts", () => {
    const core = make();
    const a = core.soon();
    core.iterate(0, 0, ITER_NOW);
    expect(core.iterate(0, 0, ITER_NOW)).toBe(0);
    expect(slotOf(core.soon())).toBe(slotOf(a));
  });

  it("keeps its counters right while its memory grows", () => {
    const core = make();
    for (let i = 0; i < 30_000; i++) core.at(30_000 - i);
    for (let i = 0; i < 20_000; i++) core.soon();
    expect([core.timerCount(), core.readyCount(), core.nextDeadline()]).toEqual([30_000, 20_000, 1]);
    expect(iterate(core, 10.5).length).toBe(20_010);
    expect([core.timerCount(), core.readyCount(), core.nextDeadline(), core.unhanded()]).toEqual([29_990, 0, 11, 0]);
  });

  it("keeps order while its arrays grow past 100k entries", () => {
    const core = make();
    const n = 100_000;
    const timers = Array.from({ length: n }, (_, i) => core.at(n - i));
    const soons = Array.from({ length: n }, () => core.soon());
    const fired = iterate(core, n + 1);
    expect(fired.slice(0, n)).toEqual(soons.map(slotOf));
    expect(fired.slice(n)).toEqual(timers.reverse().map(slotOf));
  });

  it("keeps ready order when its arrays grow while the ready ring has wrapped around", () => {
    const core = make();
    Array.from({ length: 1000 }, () => core.soon());
    iterate(core, 0); // the ring's head is now 1,000 entries in
    const soons = Array.from({ length: 50_000 }, () => core.soon()); // the ring fills its arrays at each growth
    const timers = Array.from({ length: 20_000 }, (_, i) => core.at(1 + i));
    const fired = iterate(core, 30_000);
    expect(fired.slice(0, soons.length)).toEqual(soons.map(slotOf));
    expect(fired.slice(soons.length)).toEqual(timers.map(slotOf));
  });

  it("hands out distinct ids to live handles", () => {
    const core = make();
    const ids = [...Array.from({ length: 500 }, () => core.soon()), ...Array.from({ length: 500 }, (_, i) => core.at(i))];
    expect(new Set(ids).size).toBe(1000);
    expect(ids.every((id) => id > 0)).toBe(true);
  });

  it("starts every slot at the generation it is seeded with", () => {
    const core = make(12345);
    expect(core.soon()).toBe(12345 * MAX_SLOTS + 0);
    expect(core.at(1)).toBe(12345 * MAX_SLOTS + 1);
  });

  it("wraps a slot's generation from MAX_GENERATION to 1, never 0", () => {
    const core = make(MAX_GENERATION);
    const first = core.soon();
    expect(first).toBe(MAX_GENERATION * MAX_SLOTS);
    iterate(core, 0);
    iterate(core, 0); // frees the handed-over slot: its generation wraps
    expect(core.soon()).toBe(1 * MAX_SLOTS);
    expect(core.cancel(first)).toBe(CANCEL_STALE);
  });

  it("refuses, as stale, the id of another core with another salt for the same slot", () => {
    const a = make();
    const b = make();
    const idA = a.at(1);
    const idB = b.at(1);
    expect(slotOf(idA)).toBe(slotOf(idB));
    expect(idA).not.toBe(idB);
    expect(b.cancel(idA)).toBe(CANCEL_STALE);
    expect(b.timerCount()).toBe(1);
    expect(b.cancel(idB)).toBe(CANCEL_TIMER);
  });
});

describe("a wasm core taken up again (restart)", () => {
  it("starts every slot again at the new first generation", () => {
    const core = createWasmCore(100);
    for (let i = 0; i < 5; i++) core.soon();
    iterate(core, 0);
    iterate(core, 0); // every slot freed: their generations are at 101 now
    core.clear();
    core.restart(777);
    expect(core.soon()).toBe(777 * MAX_SLOTS + 0);
    expect(core.at(1)).toBe(777 * MAX_SLOTS + 1);
  });

  it("frees what was pending: nothing is ready or due, and the old ids are stale", () => {
    const core = createWasmCore(100);
    const ready = core.soon();
    const timer = core.at(5);
    core.restart(777);
    expect([core.readyCount(), core.timerCount(), core.nextDeadline()]).toEqual([0, 0, Infinity]);
    expect(core.cancel(ready)).toBe(CANCEL_STALE);
    expect(core.cancel(timer)).toBe(CANCEL_STALE);
    expect(iterate(core, 10)).toEqual([]);
  });

  it("keeps the memory it grew", () => {
    const core = createWasmCore(100);
    for (let i = 0; i < 50_000; i++) core.soon();
    const grown = core.memoryBytes();
    core.restart(777);
    for (let i = 0; i < 50_000; i++) core.soon();
    expect(core.memoryBytes()).toBe(grown);
  });
});

describe("per-loop salts", () => {
  it("are generations in 1..MAX_GENERATION, far apart for loops made one after another", () => {
    const salts = Array.from({ length: 1000 }, () => nextFirstGeneration());
    for (const s of salts) expect(s >= 1 && s <= MAX_GENERATION && Number.isInteger(s)).toBe(true);
    const sorted = [...salts].sort((x, y) => x - y);
    let minGap = MAX_GENERATION - sorted[sorted.length - 1] + sorted[0];
    for (let i = 1; i < sorted.length; i++) minGap = Math.min(minGap, sorted[i] - sorted[i - 1]);
    // the documented bound: any N salts lie at least about MAX_GENERATION / (3N) apart
    expect(minGap).toBeGreaterThan(MAX_GENERATION / (3 * salts.length));
    const d = Math.abs(salts[1] - salts[0]);
    expect(Math.min(d, MAX_GENERATION - d)).toBeGreaterThan(200_000_000);
  });
});
