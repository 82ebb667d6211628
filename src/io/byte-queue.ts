/**
 * ByteQueue: a StreamReader's buffer. asyncio keeps one bytearray, extends it on every
 * feed_data and deletes a prefix on every read. Here the received chunks stay as they came
 * (the host never reuses them), so a read that fits in the first chunk returns a view of it
 * without copying — the echo path copies nothing. Searching for a separator needs the
 * bytes in one piece: flat() joins the chunks into a store that grows by doubling and is
 * appended to in place, so a line fed in many small chunks costs amortized O(1) per byte,
 * as bytearray.extend does.
 *
 * Invariants: `length` is the sum of the lengths of chunks[head..]; no chunk in the list is
 * empty; bytes handed out by take() are never written again (the store is only appended
 * to past `storeEnd`, and a view handed out ends at or before it).
 */
import { emptyBytes } from "./bytes.js";

export class ByteQueue {
  #chunks: Uint8Array[] = [];
  #head = 0;
  /** bytes held */
  length = 0;
  /** the last store flat() joined into, and how much of it is written */
  #store: Uint8Array | null = null;
  #storeEnd = 0;

  push(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    this.#chunks.push(chunk);
    this.length += chunk.length;
  }

  clear(): void {
    this.#chunks = [];
    this.#head = 0;
    this.length = 0;
  }

  /** Every byte held, in one array (a view: do not keep it across a push). */
  flat(): Uint8Array {
    const chunks = this.#chunks;
    const count = chunks.length - this.#head;
    if (count === 0) return emptyBytes();
    const first = chunks[this.#head];
    if (count === 1) return first;
    const store = this.#store;
    const total = this.length;
    let joined: Uint8Array;
    if (
      store !== null &&
      first.buffer === store.buffer &&
      first.byteOffset + first.length === store.byteOffset + this.#storeEnd &&
      this.#storeEnd + (total - first.length) <= store.length
    ) {
      // the first chunk ends where the store is written up to: append the rest in place
      let end = this.#storeEnd;
      for (let i = this.#head + 1; i < chunks.length; i++) {
        store.set(chunks[i], end);
        end += chunks[i].length;
      }
      this.#storeEnd = end;
      joined = store.subarray(first.byteOffset - store.byteOffset, end);
    } else {
      const fresh = new Uint8Array(Math.max(total * 2, 4096));
      let end = 0;
      for (let i = this.#head; i < chunks.length; i++) {
        fresh.set(chunks[i], end);
        end += chunks[i].length;
      }
      this.#store = fresh;
      this.#storeEnd = end;
      joined = fresh.subarray(0, end);
    }
    this.#chunks = [joined];
    this.#head = 0;
    return joined;
  }

  /** Removes and returns the first `n` bytes (n <= length): a view when they lie in one chunk, else a copy. */
  take(n: number): Uint8Array {
    if (n <= 0) return emptyBytes();
    if (n >= this.length) {
      const all = this.flat();
      this.clear();
      return all;
    }
    const chunks = this.#chunks;
    const first = chunks[this.#head];
    this.length -= n;
    if (n < first.length) {
      chunks[this.#head] = first.subarray(n);
      return first.subarray(0, n);
    }
    if (n === first.length) {
      this.#drop();
      return first;
    }
    const out = new Uint8Array(n);
    let o = 0;
    while (o < n) {
      const c = chunks[this.#head];
      const k = Math.min(c.length, n - o);
      out.set(k === c.length ? c : c.subarray(0, k), o);
      o += k;
      if (k === c.length) this.#drop();
      else chunks[this.#head] = c.subarray(k);
    }
    return out;
  }

  /** Discards the first `n` bytes (n <= length). */
  skip(n: number): void {
    this.take(n);
  }

  #drop(): void {
    this.#chunks[this.#head] = undefined as never;
    this.#head++;
    if (this.#head === this.#chunks.length) {
      this.#chunks = [];
      this.#head = 0;
    } else if (this.#head >= 64 && this.#head * 2 >= this.#chunks.length) {
      this.#chunks = this.#chunks.slice(this.#head);
      this.#head = 0;
    }
  }
}
