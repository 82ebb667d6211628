/** Bytes helpers shared by transports and streams: Uint8Array in, Uint8Array out (API.md rule 7). */
import { describe } from "../validate.js";

const encoder: { encode(s: string): Uint8Array } | null =
  typeof TextEncoder === "function" ? new TextEncoder() : null;

/** The empty bytes value: frozen views are not allowed, so each call makes its own (it costs nothing). */
export function emptyBytes(): Uint8Array {
  return new Uint8Array(0);
}

/**
 * Bytes for what a write accepts: a Uint8Array as it is, any other ArrayBuffer view or an
 * ArrayBuffer as a Uint8Array over the same memory, a string as its UTF-8 encoding. Anything
 * else: TypeError naming the call and what it got (asyncio's "data argument must be a
 * bytes-like object").
 */
export function toBytes(where: string, data: unknown): Uint8Array {
  if (data instanceof Uint8Array) return data;
  if (typeof data === "string") return utf8(data);
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  throw new TypeError(`${where}: data must be a Uint8Array (or another bytes-like object, or a string), got ${describe(data)}`);
}

/** UTF-8 bytes of a string. */
export function utf8(s: string): Uint8Array {
  if (encoder !== null) return encoder.encode(s);
  // no TextEncoder (some sandboxes): encode by hand
  const out: number[] = [];
  for (const ch of s) {
    let c = ch.codePointAt(0)!;
    if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return Uint8Array.from(out);
}

/** One Uint8Array holding `parts` end to end (the only part itself when there is one). */
export function concatBytes(parts: readonly Uint8Array[], total?: number): Uint8Array {
  if (parts.length === 1) return parts[0];
  let n = total ?? 0;
  if (total === undefined) for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** Index of `sep` in `buf` at or after `from`, or -1 (bytes.find). */
export function indexOfBytes(buf: Uint8Array, sep: Uint8Array, from: number): number {
  const n = sep.length;
  if (n === 0) return from <= buf.length ? from : -1;
  const first = sep[0];
  const last = buf.length - n;
  for (let i = buf.indexOf(first, from); i !== -1 && i <= last; i = buf.indexOf(first, i + 1)) {
    let j = 1;
    while (j < n && buf[i + j] === sep[j]) j++;
    if (j === n) return i;
  }
  return -1;
}

/** Whether `buf` holds `sep` at index `at` (bytes.startswith(sep, at)). */
export function bytesAt(buf: Uint8Array, sep: Uint8Array, at: number): boolean {
  if (at < 0 || at + sep.length > buf.length) return false;
  for (let j = 0; j < sep.length; j++) if (buf[at + j] !== sep[j]) return false;
  return true;
}
