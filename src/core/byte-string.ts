/**
 * The scheduler's bytes ship as a string with one character per byte (wasm-bytes.ts,
 * generated): it gzips to 1.45 KB where base64 took 1.68 KB plus a decoder, and decoding it
 * needs neither atob nor Buffer (absent in some sandboxes).
 */
export function decodeByteString(s: string): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}
