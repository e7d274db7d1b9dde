// A compact MD5 (RFC 1321). lib/ must stay isomorphic (no node:crypto), and Sentry's variant
// hashes are md5 hex digests, so we carry our own. Input is hashed as UTF-8.
//
// Every event hashes a few variants, so the hashing is incremental: strings are UTF-8 encoded
// straight into one reused 64-byte block, without joining them or allocating encoder output.

const SHIFTS = [
  7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20, 4,
  11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21,
];

const K = new Int32Array(64);
for (let i = 0; i < 64; i++) K[i] = Math.floor(Math.abs(Math.sin(i + 1)) * 0x100000000) | 0;
const S = Int32Array.from(SHIFTS);
// Which message word each of the 64 steps reads.
const G = new Int32Array(64);
for (let i = 0; i < 64; i++) G[i] = i < 16 ? i : i < 32 ? (5 * i + 1) & 15 : i < 48 ? (3 * i + 5) & 15 : (7 * i) & 15;

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

/** Incremental MD5 state; one instance is reused (hashing is synchronous and never nested). */
class Md5 {
  private readonly state = new Int32Array(4);
  private readonly block = new Uint8Array(64);
  private readonly words = new Int32Array(16);
  private used = 0;
  private length = 0;
  /** A high surrogate at the end of one string pairs with a low one opening the next (as in a join). */
  private pendingHigh = -1;

  reset(): this {
    this.state[0] = 0x67452301;
    this.state[1] = 0xefcdab89 | 0;
    this.state[2] = 0x98badcfe | 0;
    this.state[3] = 0x10325476;
    this.used = 0;
    this.length = 0;
    this.pendingHigh = -1;
    return this;
  }

  private compress(): void {
    const b = this.block;
    const m = this.words;
    for (let j = 0; j < 16; j++) {
      const o = j * 4;
      m[j] =
        (b[o] as number) | ((b[o + 1] as number) << 8) | ((b[o + 2] as number) << 16) | ((b[o + 3] as number) << 24);
    }
    const st = this.state;
    let a = st[0] as number;
    let bb = st[1] as number;
    let c = st[2] as number;
    let d = st[3] as number;
    for (let i = 0; i < 64; i++) {
      let f: number;
      if (i < 16) f = (bb & c) | (~bb & d);
      else if (i < 32) f = (d & bb) | (~d & c);
      else if (i < 48) f = bb ^ c ^ d;
      else f = c ^ (bb | ~d);
      const tmp = d;
      d = c;
      c = bb;
      const sum = (a + f + (K[i] as number) + (m[G[i] as number] as number)) | 0;
      const s = S[i] as number;
      bb = (bb + ((sum << s) | (sum >>> (32 - s)))) | 0;
      a = tmp;
    }
    st[0] = ((st[0] as number) + a) | 0;
    st[1] = ((st[1] as number) + bb) | 0;
    st[2] = ((st[2] as number) + c) | 0;
    st[3] = ((st[3] as number) + d) | 0;
  }

  byte(v: number): void {
    this.block[this.used++] = v;
    this.length++;
    if (this.used === 64) {
      this.compress();
      this.used = 0;
    }
  }

  bytes(input: Uint8Array): void {
    for (let i = 0; i < input.length; i++) this.byte(input[i] as number);
  }

  private codePoint(cp: number): void {
    if (cp < 0x80) {
      this.byte(cp);
    } else if (cp < 0x800) {
      this.byte(0xc0 | (cp >> 6));
      this.byte(0x80 | (cp & 0x3f));
    } else if (cp < 0x10000) {
      this.byte(0xe0 | (cp >> 12));
      this.byte(0x80 | ((cp >> 6) & 0x3f));
      this.byte(0x80 | (cp & 0x3f));
    } else {
      this.byte(0xf0 | (cp >> 18));
      this.byte(0x80 | ((cp >> 12) & 0x3f));
      this.byte(0x80 | ((cp >> 6) & 0x3f));
      this.byte(0x80 | (cp & 0x3f));
    }
  }

  /** UTF-8 as TextEncoder writes it: unpaired surrogates become U+FFFD. */
  string(s: string): void {
    const block = this.block;
    for (let i = 0; i < s.length; i++) {
      const ch = s.charCodeAt(i);
      // ASCII (nearly everything hashed) goes straight into the block.
      if (ch < 0x80 && this.pendingHigh < 0) {
        block[this.used++] = ch;
        this.length++;
        if (this.used === 64) {
          this.compress();
          this.used = 0;
        }
        continue;
      }
      if (this.pendingHigh >= 0) {
        const high = this.pendingHigh;
        this.pendingHigh = -1;
        if (ch >= 0xdc00 && ch <= 0xdfff) {
          this.codePoint(0x10000 + ((high - 0xd800) << 10) + (ch - 0xdc00));
          continue;
        }
        this.codePoint(0xfffd);
      }
      if (ch < 0x80) this.byte(ch);
      else if (ch >= 0xd800 && ch <= 0xdbff) this.pendingHigh = ch;
      else if (ch >= 0xdc00 && ch <= 0xdfff) this.codePoint(0xfffd);
      else this.codePoint(ch);
    }
  }

  hex(): string {
    if (this.pendingHigh >= 0) {
      this.pendingHigh = -1;
      this.codePoint(0xfffd);
    }
    const bits = this.length * 8;
    this.byte(0x80);
    if (this.used > 56) {
      this.block.fill(0, this.used);
      this.compress();
      this.used = 0;
    }
    this.block.fill(0, this.used, 56);
    this.used = 56;
    // The 64-bit little-endian bit length (length is below 2^53, so two exact 32-bit halves).
    const low = bits >>> 0;
    const high = Math.floor(bits / 0x100000000) >>> 0;
    for (let i = 0; i < 4; i++) this.byte((low >>> (i * 8)) & 0xff);
    for (let i = 0; i < 4; i++) this.byte((high >>> (i * 8)) & 0xff);
    let out = "";
    for (let w = 0; w < 4; w++) {
      const word = this.state[w] as number;
      for (let i = 0; i < 4; i++) out += HEX[(word >>> (i * 8)) & 0xff];
    }
    return out;
  }
}

const shared = new Md5();

/** MD5 hex digest of raw bytes. */
export function md5Bytes(input: Uint8Array): string {
  const h = shared.reset();
  h.bytes(input);
  return h.hex();
}

/** MD5 hex digest of the UTF-8 concatenation of the given strings (Sentry's `hash_from_values`). */
export function hashFromValues(values: Iterable<string>): string {
  // Materialised first, so that no caller code runs while the shared state is in use.
  const list = Array.isArray(values) ? (values as readonly string[]) : [...values];
  const h = shared.reset();
  for (const v of list) h.string(v);
  return h.hex();
}
