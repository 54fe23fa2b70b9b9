/**
 * Base64 for the serialised index's binary parts. Written out rather than taken from `btoa`/`Buffer`:
 * the same code runs in the extension, in Node for the build and CLI, and in tests, and decoding a
 * few megabytes this way is a single pass into a typed array without an intermediate binary string.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const VALUES = new Uint8Array(128).fill(255);
for (let i = 0; i < ALPHABET.length; i++) VALUES[ALPHABET.charCodeAt(i)] = i;

// Bytes per chunk of output: a multiple of 3 (whole groups), large enough to amortise the string
// concatenation, small enough for `String.fromCharCode(...codes)`.
const CHUNK = 6_144;

export function encodeBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  const codes = new Uint16Array((CHUNK / 3) * 4);
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const end = Math.min(bytes.length, start + CHUNK);
    let n = 0;
    for (let i = start; i < end; i += 3) {
      const a = bytes[i] ?? 0;
      const b = bytes[i + 1] ?? 0;
      const c = bytes[i + 2] ?? 0;
      codes[n++] = ALPHABET.charCodeAt(a >> 2);
      codes[n++] = ALPHABET.charCodeAt(((a & 3) << 4) | (b >> 4));
      codes[n++] = i + 1 < end ? ALPHABET.charCodeAt(((b & 15) << 2) | (c >> 6)) : 61;
      codes[n++] = i + 2 < end ? ALPHABET.charCodeAt(c & 63) : 61;
    }
    parts.push(String.fromCharCode(...codes.subarray(0, n)));
  }
  return parts.join('');
}

/**
 * Decodes the whole groups of `text` between characters `from` and `to` (multiples of 4, no padding inside)
 * into `out` from byte `at`. Returns false on a character outside the alphabet.
 */
export function decodeBase64Into(text: string, from: number, to: number, out: Uint8Array, at: number): boolean {
  let o = at;
  for (let i = from; i < to; i += 4) {
    const a = VALUES[text.charCodeAt(i)] ?? 255;
    const b = VALUES[text.charCodeAt(i + 1)] ?? 255;
    const c = VALUES[text.charCodeAt(i + 2)] ?? 255;
    const d = VALUES[text.charCodeAt(i + 3)] ?? 255;
    if ((a | b | c | d) > 63) return false;
    const triple = (a << 18) | (b << 12) | (c << 6) | d;
    out[o++] = triple >> 16;
    out[o++] = (triple >> 8) & 255;
    out[o++] = triple & 255;
  }
  return true;
}

/** Decodes canonical base64 (as `encodeBase64` writes it); returns undefined for anything else. */
export function decodeBase64(text: string): Uint8Array | undefined {
  if (text.length % 4 !== 0) return undefined;
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const bytes = new Uint8Array((text.length / 4) * 3 - padding);
  let out = 0;
  for (let i = 0; i < text.length; i += 4) {
    const a = VALUES[text.charCodeAt(i)] ?? 255;
    const b = VALUES[text.charCodeAt(i + 1)] ?? 255;
    const c = i + 2 < text.length - padding ? (VALUES[text.charCodeAt(i + 2)] ?? 255) : 0;
    const d = i + 3 < text.length - padding ? (VALUES[text.charCodeAt(i + 3)] ?? 255) : 0;
    if ((a | b | c | d) > 63) return undefined;
    const triple = (a << 18) | (b << 12) | (c << 6) | d;
    bytes[out++] = triple >> 16;
    if (out < bytes.length) bytes[out++] = (triple >> 8) & 255;
    if (out < bytes.length) bytes[out++] = triple & 255;
  }
  return bytes;
}
