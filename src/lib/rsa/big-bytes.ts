/** Big-endian bytes to and from BigInt, the way DER INTEGERs and RSA blocks carry numbers. */
export function bytesToBigInt(bytes: ArrayLike<number>): bigint {
  let hex = '';
  for (let i = 0; i < bytes.length; i++) hex += bytes[i]!.toString(16).padStart(2, '0');
  return hex === '' ? 0n : BigInt(`0x${hex}`);
}

/** `length` bytes when given (left-padded with zeros), else as few as the number needs. */
export function bigIntToBytes(value: bigint, length?: number): number[] {
  let hex = value.toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  if (length !== undefined) hex = hex.padStart(length * 2, '0');
  const out: number[] = [];
  for (let i = 0; i < hex.length; i += 2) out.push(parseInt(hex.slice(i, i + 2), 16));
  return out;
}
