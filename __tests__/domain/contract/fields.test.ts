import { deflateSync } from 'zlib'
import { base64Decode, base64Encode, svgDataUrl, utf8Encode } from '@/domain/contract/base64'
import { charLength, checkText, isValidField, validateSubmission, type FieldRules, type ValidateOptions } from '@/domain/contract/fields'
import { isTrivialPassword, validateSigningPassword } from '@/domain/contract/password'
import { checkPngDataUrl, PNG_MAX_BYTES } from '@/domain/contract/png'
import { utf8Bytes } from '@sandbox/core/hash'

function png(w: number, h: number): string {
  const ihdr = Buffer.alloc(25)
  ihdr.writeUInt32BE(13, 0)
  ihdr.write('IHDR', 4, 'ascii')
  ihdr.writeUInt32BE(w, 8)
  ihdr.writeUInt32BE(h, 12)
  ihdr[16] = 8
  ihdr[17] = 6
  const body = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), ihdr, deflateSync(Buffer.alloc(10))])
  return `data:image/png;base64,${body.toString('base64')}`
}

const base = { page: 0, x: 0.1, y: 0.1, w: 0.2, h: 0.05 }
const F = (o: Partial<FieldRules> & Pick<FieldRules, 'fieldId' | 'type'>): FieldRules => ({ signerId: 'S1', required: true, label: o.fieldId, ...base, ...o })

const FIELDS: FieldRules[] = [
  F({ fieldId: 'sig1', type: 'SIGN_SIGNATURE', label: '签字' }),
  F({ fieldId: 'sig2', type: 'SIGN_SIGNATURE', label: '附件签字' }),
  F({ fieldId: 'seal', type: 'SIGN_SEAL', label: '盖章', acceptedSealTypes: ['CONTRACT', 'OFFICIAL'] }),
  F({ fieldId: 'date', type: 'SIGN_DATE', label: '日期', dateFormat: 'YYYY-MM-DD' }),
  F({ fieldId: 'name', type: 'TEXT', label: '联系人', maxLength: 4, minLength: 2 }),
  F({ fieldId: 'n', type: 'TEXT', label: '人数', pattern: '[1-9]\\d?', patternHint: '请填写人数', required: false }),
  F({ fieldId: 'ok', type: 'CHECK_BOX', label: '已阅读' }),
  F({ fieldId: 'opt', type: 'CHECK_BOX', label: '可选', required: false })
]
const SEALS: Record<string, 'CONTRACT' | 'FINANCE'> = { C1: 'CONTRACT', F1: 'FINANCE' }
const OPTS: ValidateOptions = { allowSystemSignature: false, signatureApply: 'ALL_AT_ONCE', sealTypeOf: (id) => SEALS[id] ?? null }
const P = png(200, 80)
const GOOD = [
  { fieldId: 'sig1', kind: 'SIGN_SIGNATURE', png: P, signatureKind: 'HANDWRITTEN' },
  { fieldId: 'sig2', kind: 'SIGN_SIGNATURE', png: P, signatureKind: 'HANDWRITTEN' },
  { fieldId: 'seal', kind: 'SIGN_SEAL', sealId: 'C1' },
  { fieldId: 'name', kind: 'TEXT', text: ' 王小明 ' },
  { fieldId: 'ok', kind: 'CHECK_BOX', checked: true }
]
const codes = (values: unknown[], opts: ValidateOptions = OPTS) =>
  validateSubmission(FIELDS, values as never, opts).problems.map((p) => `${p.code}:${p.fieldId}:${p.reason}`)
const withValue = (fieldId: string, v: Record<string, unknown> | null) => [...GOOD.filter((x) => x.fieldId !== fieldId), ...(v ? [{ fieldId, ...v }] : [])]

describe('field values', () => {
  test('a complete submission normalises (text trimmed, date left to the server, optional box unticked)', () => {
    const r = validateSubmission(FIELDS, GOOD, OPTS)
    expect(r.problems).toEqual([])
    expect(r.values.map((v) => v.fieldId)).toEqual(['sig1', 'sig2', 'seal', 'date', 'name', 'ok', 'opt'])
    expect(r.values.find((v) => v.fieldId === 'opt')!.checked).toBe(false)
    expect(r.values.find((v) => v.fieldId === 'name')!.text).toBe('王小明')
    expect(r.values.find((v) => v.fieldId === 'sig1')).toMatchObject({ pngWidth: 200, pngHeight: 80, signatureKind: 'HANDWRITTEN' })
  })

  test('each rule', () => {
    expect(codes(withValue('sig2', null))).toEqual(['FIELD_REQUIRED:sig2:EMPTY'])
    expect(codes(withValue('seal', null))).toEqual(['FIELD_REQUIRED:seal:EMPTY'])
    expect(codes(withValue('seal', { kind: 'SIGN_SEAL', sealId: 'F1' }))).toEqual(['SEAL_NOT_ACCEPTED:seal:SEAL_TYPE'])
    expect(codes(withValue('seal', { kind: 'SIGN_SEAL', sealId: 'X' }))).toEqual(['FIELD_INVALID:seal:UNKNOWN_SEAL'])
    expect(codes(withValue('name', { kind: 'TEXT', text: '王' }))).toEqual(['FIELD_INVALID:name:TOO_SHORT'])
    expect(codes(withValue('name', { kind: 'TEXT', text: '欧阳娜娜娜' }))).toEqual(['FIELD_INVALID:name:TOO_LONG'])
    expect(codes(withValue('name', { kind: 'TEXT', text: 5 }))).toEqual(['FIELD_INVALID:name:NOT_TEXT'])
    expect(codes([...GOOD, { fieldId: 'n', kind: 'TEXT', text: '0' }])).toEqual(['FIELD_INVALID:n:PATTERN'])
    expect(codes([...GOOD, { fieldId: 'n', kind: 'TEXT', text: '12' }])).toEqual([])
    expect(codes([...GOOD, { fieldId: 'n', kind: 'TEXT', text: '' }])).toEqual([]) // optional
    expect(codes(withValue('ok', { kind: 'CHECK_BOX', checked: false }))).toEqual(['FIELD_REQUIRED:ok:NOT_CHECKED'])
    expect(codes(withValue('ok', { kind: 'CHECK_BOX', checked: 'yes' }))).toEqual(['FIELD_INVALID:ok:NOT_BOOLEAN'])
    expect(codes(withValue('ok', { kind: 'TEXT', text: 'x' }))).toEqual(['FIELD_INVALID:ok:KIND_MISMATCH'])
    expect(codes([...GOOD, { fieldId: 'other', kind: 'TEXT', text: 'x' }])).toEqual(['FIELD_INVALID:other:UNKNOWN_FIELD'])
    expect(codes([...GOOD, GOOD[3]])).toEqual(['FIELD_INVALID:name:DUPLICATE'])
  })

  test('signatures: PNG checks, system signature permission, one handwriting for all fields when ALL_AT_ONCE', () => {
    const sys = GOOD.map((v) => (v.kind === 'SIGN_SIGNATURE' ? { ...v, signatureKind: 'SYSTEM' } : v))
    expect(codes(sys)).toEqual(['SYSTEM_SIGNATURE_NOT_ALLOWED:sig1:SYSTEM_SIGNATURE', 'SYSTEM_SIGNATURE_NOT_ALLOWED:sig2:SYSTEM_SIGNATURE'])
    expect(codes(sys, { ...OPTS, allowSystemSignature: true })).toEqual([])
    expect(codes(withValue('sig2', { kind: 'SIGN_SIGNATURE', png: P, signatureKind: 'PAINT' }))).toEqual(['FIELD_INVALID:sig2:SIGNATURE_KIND'])
    const other = png(201, 80)
    expect(codes(withValue('sig2', { kind: 'SIGN_SIGNATURE', png: other, signatureKind: 'HANDWRITTEN' }))).toEqual(['FIELD_INVALID:sig2:SIGNATURE_NOT_UNIFORM'])
    expect(codes(withValue('sig2', { kind: 'SIGN_SIGNATURE', png: other, signatureKind: 'HANDWRITTEN' }), { ...OPTS, signatureApply: 'PER_FIELD' })).toEqual([])
    expect(codes(withValue('sig2', { kind: 'SIGN_SIGNATURE', png: 'data:image/png;base64,iVBORw0K', signatureKind: 'HANDWRITTEN' }))).toEqual([
      'SIGNATURE_IMAGE_INVALID:sig2:NOT_PNG'
    ])
  })

  test('checkPngDataUrl', () => {
    expect(checkPngDataUrl(P)).toMatchObject({ ok: true, width: 200, height: 80 })
    expect(checkPngDataUrl('data:image/jpeg;base64,/9j/')).toMatchObject({ ok: false, problem: 'NOT_DATA_URL' })
    expect(checkPngDataUrl(42)).toMatchObject({ ok: false, problem: 'NOT_DATA_URL' })
    expect(checkPngDataUrl('data:image/png;base64,abc')).toMatchObject({ ok: false, problem: 'BAD_BASE64' })
    expect(checkPngDataUrl('data:image/png;base64,' + Buffer.from('hello world, this is not a png file!!').toString('base64'))).toMatchObject({
      ok: false,
      problem: 'NOT_PNG'
    })
    expect(checkPngDataUrl(png(10, 80))).toMatchObject({ ok: false, problem: 'BAD_DIMENSIONS' })
    expect(checkPngDataUrl(png(5000, 80))).toMatchObject({ ok: false, problem: 'BAD_DIMENSIONS' })
    const huge = 'data:image/png;base64,' + 'A'.repeat(Math.ceil((PNG_MAX_BYTES * 4) / 3) + 8)
    expect(checkPngDataUrl(huge)).toMatchObject({ ok: false, problem: 'TOO_LARGE' })
  })

  test('checkText, charLength, isValidField', () => {
    expect(charLength('王小明😀')).toBe(4)
    expect(checkText(F({ fieldId: 't', type: 'TEXT', pattern: '[' }), 'x')).toBeNull() // a broken pattern does not block
    expect(isValidField(FIELDS[2])).toBe(true)
    expect(isValidField(F({ fieldId: 's', type: 'SIGN_SEAL' }))).toBe(false) // no accepted types
    expect(isValidField(F({ fieldId: 'd', type: 'SIGN_DATE' }))).toBe(false) // no format
    expect(isValidField(F({ fieldId: 'x', type: 'TEXT', x: 0.9, w: 0.2 }))).toBe(false)
  })
})

describe('signing password', () => {
  test('6 digits, nothing trivial', () => {
    for (const p of ['123456', '654321', '000000', '999999', '121212', '123123', '112233', '111222', '890123', '520520'])
      expect(isTrivialPassword(p)).toBe(true)
    for (const p of ['358024', '469135', '902417']) {
      expect(isTrivialPassword(p)).toBe(false)
      expect(validateSigningPassword(p)).toEqual({ ok: true, value: p })
    }
    expect(validateSigningPassword('12345')).toMatchObject({ ok: false, code: 'FORMAT' })
    expect(validateSigningPassword('12a456')).toMatchObject({ ok: false, code: 'FORMAT' })
    expect(validateSigningPassword('111111')).toMatchObject({ ok: false, code: 'TRIVIAL' })
  })
})

describe('base64 and UTF-8 by hand (no btoa/TextEncoder on WeChat)', () => {
  test('match Node’s Buffer for every padding length and for Chinese text', () => {
    for (let n = 0; n < 40; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37 + n * 11) & 255)
      const b64 = base64Encode(bytes)
      expect(b64).toBe(Buffer.from(bytes).toString('base64'))
      expect(Array.from(base64Decode(b64)!)).toEqual(Array.from(bytes))
    }
    const s = '房屋租赁合同 Contract №1 😀'
    expect(Buffer.from(utf8Encode(s)).toString('utf8')).toBe(s)
    expect(Array.from(utf8Encode(s))).toEqual(Array.from(utf8Bytes(s)))
    expect(svgDataUrl('<svg>合同</svg>')).toBe(`data:image/svg+xml;base64,${Buffer.from('<svg>合同</svg>').toString('base64')}`)
    expect(base64Decode('abc')).toBeNull()
    expect(base64Decode('ab$=')).toBeNull()
  })
})
