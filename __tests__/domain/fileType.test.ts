import { checkDeclaredSize, checkFile, isComplete, LETTER_FILE_RULE, LICENSE_FILE_RULE, MB, sniffFileKind } from '@/domain/fileType'
import { encodePng } from '@/domain/enterprise/png'
import { letterTemplatePdf } from '@/domain/enterprise/letterTemplate'

/** A real (decodable) 2x2 PNG from the encoder. */
function png(): Uint8Array {
  return encodePng({ width: 2, height: 2, format: 'gray1', pixels: Uint8Array.from([0, 1, 1, 0]) })
}

/** A minimal JPEG: SOI, APP0 JFIF, a comment, EOI. */
function jpeg(comment = 'hello'): Uint8Array {
  const jfif = [0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]
  const com = [0xff, 0xfe, 0x00, comment.length + 2, ...Array.from(comment, (c) => c.charCodeAt(0))]
  return Uint8Array.from([0xff, 0xd8, ...jfif, ...com, 0xff, 0xd9])
}

/** A file of `size` bytes that starts like `head` and ends like `tail`. */
function padded(head: Uint8Array, size: number, tail: Uint8Array = new Uint8Array(0)): Uint8Array {
  const b = new Uint8Array(size)
  b.set(head.subarray(0, Math.min(head.length, size - tail.length)), 0)
  b.set(tail, size - tail.length)
  return b
}

const PDF_HEADER = Uint8Array.from(Array.from('%PDF-1.7\n', (c) => c.charCodeAt(0)))
const PDF_TAIL = Uint8Array.from(Array.from('\n%%EOF\n', (c) => c.charCodeAt(0)))

describe('file type from bytes', () => {
  test('a PNG is a PNG whatever it is called (a PNG named .pdf is accepted as a licence image)', () => {
    const bytes = png()
    expect(sniffFileKind(bytes)).toBe('PNG')
    // The check never sees a name: the PNG someone called "licence.pdf" is a PNG.
    expect(checkFile(bytes, LICENSE_FILE_RULE)).toEqual({ ok: true, value: { kind: 'PNG', mime: 'image/png', size: bytes.length } })
    expect(checkFile(bytes, LETTER_FILE_RULE)).toMatchObject({ ok: true, value: { kind: 'PNG' } })
  })

  test('a JPG is recognised by FF D8 FF and needs its EOI marker', () => {
    const bytes = jpeg()
    expect(sniffFileKind(bytes)).toBe('JPEG')
    expect(checkFile(bytes, LICENSE_FILE_RULE)).toMatchObject({ ok: true, value: { kind: 'JPEG', mime: 'image/jpeg' } })
  })

  test('a real PDF header (the letter template) is a PDF: fine for a letter, refused for a licence', () => {
    const pdf = letterTemplatePdf({
      enterpriseName: '北京墨印科技有限公司',
      creditCode: '91110108MA01W8KX3J',
      legalRepresentative: '周明远',
      adminName: '李四'
    })
    expect(String.fromCharCode(...pdf.subarray(0, 8))).toBe('%PDF-1.4')
    expect(sniffFileKind(pdf)).toBe('PDF')
    expect(checkFile(pdf, LETTER_FILE_RULE)).toMatchObject({ ok: true, value: { kind: 'PDF', mime: 'application/pdf' } })
    const asLicence = checkFile(pdf, LICENSE_FILE_RULE)
    expect(asLicence).toMatchObject({ ok: false, code: 'FILE_TYPE' })
    if (!asLicence.ok) expect(asLicence.message).toContain('PNG、JPG')
  })

  test('a PDF with a few junk bytes before %PDF- is still a PDF', () => {
    const b = new Uint8Array(3 + PDF_HEADER.length + PDF_TAIL.length)
    b.set([0xef, 0xbb, 0xbf])
    b.set(PDF_HEADER, 3)
    b.set(PDF_TAIL, 3 + PDF_HEADER.length)
    expect(sniffFileKind(b)).toBe('PDF')
  })

  test.each([
    ['PNG', () => png()],
    ['JPEG', () => jpeg()],
    ['PDF', () => padded(PDF_HEADER, 2000, PDF_TAIL)]
  ] as const)('a truncated %s is refused as damaged', (kind, make) => {
    const full = make()
    expect(isComplete(full, kind)).toBe(true)
    const cut = full.subarray(0, full.length - 8)
    expect(sniffFileKind(cut)).toBe(kind)
    expect(isComplete(cut, kind)).toBe(false)
    expect(checkFile(cut, LETTER_FILE_RULE)).toMatchObject({ ok: false, code: 'FILE_TRUNCATED' })
  })

  test('a PNG cut right after the signature is damaged, not unknown', () => {
    const cut = png().subarray(0, 10)
    expect(checkFile(cut, LICENSE_FILE_RULE)).toMatchObject({ ok: false, code: 'FILE_TRUNCATED' })
  })

  test('8 MB is accepted for a letter, 8 MB + 1 byte is refused (by size, before anything else)', () => {
    const exactly = padded(PDF_HEADER, 8 * MB, PDF_TAIL)
    expect(checkFile(exactly, LETTER_FILE_RULE)).toMatchObject({ ok: true, value: { size: 8 * MB } })
    const over = padded(PDF_HEADER, 8 * MB + 1, PDF_TAIL)
    const r = checkFile(over, LETTER_FILE_RULE)
    expect(r).toMatchObject({ ok: false, code: 'FILE_TOO_LARGE' })
    if (!r.ok) expect(r.message).toContain('8 MB')
    expect(checkDeclaredSize(8 * MB + 1, LETTER_FILE_RULE)).toMatchObject({ ok: false, code: 'FILE_TOO_LARGE' })
    expect(checkDeclaredSize(8 * MB, LETTER_FILE_RULE)).toMatchObject({ ok: true })
  })

  test('a licence photo over 5 MB is refused', () => {
    const big = padded(png(), 5 * MB + 1, png().subarray(-12))
    expect(checkFile(big, LICENSE_FILE_RULE)).toMatchObject({ ok: false, code: 'FILE_TOO_LARGE' })
  })

  test('random bytes are not a file we accept', () => {
    let seed = 42
    const random = new Uint8Array(4096).map(() => {
      seed = (seed * 1103515245 + 12345) >>> 0
      return seed >>> 24
    })
    random[0] = 0x00 // make sure it does not start like a JPEG by chance
    expect(sniffFileKind(random)).toBeNull()
    expect(checkFile(random, LETTER_FILE_RULE)).toMatchObject({ ok: false, code: 'FILE_TYPE' })
  })

  test('an empty file and text renamed to .png are refused', () => {
    expect(checkFile(new Uint8Array(0), LICENSE_FILE_RULE)).toMatchObject({ ok: false, code: 'FILE_EMPTY' })
    const text = Uint8Array.from(Array.from('this is not an image', (c) => c.charCodeAt(0)))
    expect(checkFile(text, LICENSE_FILE_RULE)).toMatchObject({ ok: false, code: 'FILE_TYPE' })
  })

  test('GIF and WebP are not accepted', () => {
    const gif = Uint8Array.from([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 1, 0, 1, 0, 0, 0, 0, 0x3b])
    const webp = Uint8Array.from([0x52, 0x49, 0x46, 0x46, 4, 0, 0, 0, 0x57, 0x45, 0x42, 0x50])
    expect(checkFile(gif, LETTER_FILE_RULE)).toMatchObject({ ok: false, code: 'FILE_TYPE' })
    expect(checkFile(webp, LETTER_FILE_RULE)).toMatchObject({ ok: false, code: 'FILE_TYPE' })
  })
})
