/**
 * WOFF 1.0 → the TrueType file it wraps. jsPDF embeds TrueType only, and the font we ship
 * (Noto Sans SC from @fontsource) comes as WOFF; WOFF 1.0 is the sfnt's tables, each
 * zlib-compressed, so unwrapping is a table directory and the browser's own
 * DecompressionStream: a few lines, not a font library (fonteditor-core, fontkit) of
 * hundreds of kilobytes for one conversion. Layout: https://www.w3.org/TR/WOFF/
 */

const WOFF_SIGNATURE = 0x774f4646 // 'wOFF'
const WOFF_HEADER_BYTES = 44
const WOFF_ENTRY_BYTES = 20
const SFNT_HEADER_BYTES = 12
const SFNT_ENTRY_BYTES = 16

interface Table {
  tag: number
  offset: number
  compressedLength: number
  length: number
  checksum: number
}

async function inflate(bytes: Uint8Array): Promise<Uint8Array> {
  // 'deflate' is the zlib format (RFC 1950), which is what WOFF's tables hold.
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate'))
  return new Uint8Array(await new Response(stream).arrayBuffer())
}

const padded = (length: number) => (length + 3) & ~3

export async function woffToSfnt(woff: Uint8Array): Promise<Uint8Array> {
  const view = new DataView(woff.buffer, woff.byteOffset, woff.byteLength)
  if (woff.byteLength < WOFF_HEADER_BYTES || view.getUint32(0) !== WOFF_SIGNATURE)
    throw new Error('not a WOFF 1.0 font')
  const flavor = view.getUint32(4)
  const count = view.getUint16(12)
  const tables: Table[] = Array.from({ length: count }, (_, index) => {
    const at = WOFF_HEADER_BYTES + index * WOFF_ENTRY_BYTES
    return {
      tag: view.getUint32(at),
      offset: view.getUint32(at + 4),
      compressedLength: view.getUint32(at + 8),
      length: view.getUint32(at + 12),
      checksum: view.getUint32(at + 16),
    }
  })
  const datas = await Promise.all(
    tables.map((table) => {
      const stored = woff.subarray(table.offset, table.offset + table.compressedLength)
      // A table that would not shrink is stored as is (the spec's rule).
      return table.compressedLength < table.length ? inflate(stored) : Promise.resolve(stored)
    }),
  )

  let size = SFNT_HEADER_BYTES + SFNT_ENTRY_BYTES * count
  for (const table of tables) size += padded(table.length)
  const sfnt = new Uint8Array(size)
  const out = new DataView(sfnt.buffer)
  const log2 = Math.floor(Math.log2(count))
  const searchRange = 2 ** log2 * SFNT_ENTRY_BYTES
  out.setUint32(0, flavor)
  out.setUint16(4, count)
  out.setUint16(6, searchRange)
  out.setUint16(8, log2)
  out.setUint16(10, count * SFNT_ENTRY_BYTES - searchRange)
  let offset = SFNT_HEADER_BYTES + SFNT_ENTRY_BYTES * count
  tables.forEach((table, index) => {
    const data = datas[index] as Uint8Array
    if (data.byteLength !== table.length) throw new Error('a WOFF table did not inflate to its stated length')
    const entry = SFNT_HEADER_BYTES + index * SFNT_ENTRY_BYTES
    out.setUint32(entry, table.tag)
    out.setUint32(entry + 4, table.checksum)
    out.setUint32(entry + 8, offset)
    out.setUint32(entry + 12, table.length)
    sfnt.set(data, offset)
    offset += padded(table.length)
  })
  return sfnt
}
