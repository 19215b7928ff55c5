/**
 * A UUID that a string always gives, so re-importing a file whose events carry their own ids
 * (not UUIDs) updates those events instead of adding them again. FNV-1a, 128 bits, over the
 * UTF-8 bytes, then mixed so that similar strings give unlike ids, written as an RFC 9562 version 8 (custom) UUID. Not for secrets.
 */
const FNV_OFFSET = 0x6c62272e07bb014262b821756295c58dn;
const FNV_PRIME = 0x0000000001000000000000000000013bn;
const MASK = (1n << 128n) - 1n;

export function uuidFromString(text: string): string {
  let hash = FNV_OFFSET;
  for (const byte of new TextEncoder().encode(text)) {
    hash = ((hash ^ BigInt(byte)) * FNV_PRIME) & MASK;
  }
  const hex = mix(hash).toString(16).padStart(32, '0');
  const variant = ((Number.parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    `8${hex.slice(13, 16)}`,
    `${variant}${hex.slice(17, 20)}`,
    hex.slice(20, 32),
  ].join('-');
}

/** Spreads every input bit over the whole value (xor-shift and multiply, as in SplitMix). */
function mix(value: bigint): bigint {
  let h = value;
  h = ((h ^ (h >> 67n)) * 0x9e3779b97f4a7c15f39cc0605cedc835n) & MASK;
  h = ((h ^ (h >> 59n)) * 0xbf58476d1ce4e5b9d6e8feb86659fd93n) & MASK;
  return h ^ (h >> 71n);
}
