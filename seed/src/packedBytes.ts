/**
 * Many short UTF-8 strings packed into one byte array with offsets. The NDJSON writer
 * copies label fragments from here byte by byte: for 50–100-byte fragments a plain loop
 * beats both string concatenation and TypedArray.set, and 250,000 brands cost one
 * allocation instead of 250,000.
 */
export interface PackedBytes {
  readonly bytes: Uint8Array
  /** Fragment i is bytes[start[i]] … bytes[start[i + 1] − 1]. */
  readonly start: Int32Array
  readonly maxLength: number
}

export function packStrings(strings: readonly string[]): PackedBytes {
  const encoder = new TextEncoder()
  const encoded = strings.map((s) => encoder.encode(s))
  const start = new Int32Array(encoded.length + 1)
  let maxLength = 0
  encoded.forEach((e, i) => {
    start[i + 1] = (start[i] as number) + e.length
    maxLength = Math.max(maxLength, e.length)
  })
  const bytes = new Uint8Array(start[encoded.length] as number)
  encoded.forEach((e, i) => {
    bytes.set(e, start[i] as number)
  })
  return { bytes, start, maxLength }
}
