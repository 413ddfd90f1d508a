/**
 * A gzip file (RFC 1952) of some bytes, made synchronously, without compressing: the data goes
 * into deflate "stored" blocks (RFC 1951 §3.2.4). The Defender portal's advanced-hunting links
 * carry the query as base64url of gzip; links are built synchronously while rendering, and the
 * browser's `CompressionStream` is asynchronous. Queries are small, so not compressing is fine.
 */

let table: Uint32Array | undefined;

/** CRC-32 (IEEE 802.3), as gzip's trailer wants it. */
export function crc32(bytes: Uint8Array): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (const b of bytes) crc = table[(crc ^ b) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

const MAX_STORED = 65_535;

/** `data` as a gzip file with stored (uncompressed) deflate blocks. */
export function gzipStored(data: Uint8Array): Uint8Array<ArrayBuffer> {
  const blocks = Math.max(1, Math.ceil(data.length / MAX_STORED));
  const out = new Uint8Array(10 + data.length + blocks * 5 + 8);
  // Header: magic, deflate, no flags, no mtime, no extra flags, unknown OS.
  out.set([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff], 0);
  let at = 10;
  for (let i = 0; i < blocks; i++) {
    const chunk = data.subarray(i * MAX_STORED, Math.min(data.length, (i + 1) * MAX_STORED));
    const len = chunk.length;
    out[at++] = i === blocks - 1 ? 1 : 0; // BFINAL on the last block, BTYPE 00 (stored)
    out[at++] = len & 0xff;
    out[at++] = len >>> 8;
    out[at++] = ~len & 0xff;
    out[at++] = (~len >>> 8) & 0xff;
    out.set(chunk, at);
    at += len;
  }
  const crc = crc32(data);
  const size = data.length >>> 0;
  for (const v of [crc, size]) {
    out[at++] = v & 0xff;
    out[at++] = (v >>> 8) & 0xff;
    out[at++] = (v >>> 16) & 0xff;
    out[at++] = (v >>> 24) & 0xff;
  }
  return out;
}

/** Base64url without padding (RFC 4648 §5). */
export function base64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Base64 with padding (RFC 4648 §4). */
export function base64(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

/** Text as UTF-16LE bytes (what the Defender portal's hunting links compress). */
export function utf16le(text: string): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[i * 2] = c & 0xff;
    out[i * 2 + 1] = c >>> 8;
  }
  return out;
}
