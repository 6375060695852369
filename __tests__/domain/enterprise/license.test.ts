import { normaliseDate, validateLicense, type LicenseFields } from '@/domain/enterprise/license'

const NOW = Date.UTC(2026, 10, 21, 2, 0, 0)

const GOOD: LicenseFields = {
  name: '北京墨印科技有限公司',
  creditCode: '91110108MA01W8KX3J',
  legalRepresentative: '周明远',
  orgKind: 'ENTERPRISE',
  address: '北京市海淀区中关村大街27号8层801室',
  registeredOn: '2019-05-16',
  validUntil: '长期'
}

describe('licence confirmation', () => {
  test('a correct licence passes, normalised', () => {
    const r = validateLicense({ ...GOOD, creditCode: ' 91110108ma01w8kx3j ', registeredOn: '2019年5月16日' }, NOW)
    expect(r).toEqual({ ok: true, value: GOOD })
  })

  test.each([
    ['91350100M000100Y4Z', 'CREDIT'], // the standard's invalid example
    ['91110108MA01W8KX3K', '校验位'], // one character off: the check character catches it
    ['91510104MA6C02LJ9P', '校验位'], // OCR read Q as 0
    ['91110108MA01W8KX3', '18位'],
    ['91110108MA01W8KXOJ', '无效字符']
  ])('a bad credit code %s is refused (%s)', (creditCode, words) => {
    const r = validateLicense({ ...GOOD, creditCode }, NOW)
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.errors.creditCode).toBeTruthy()
      if (words !== 'CREDIT') expect(r.errors.creditCode).toContain(words)
    }
  })

  test('the subject type must be the one the credit code says', () => {
    const r = validateLicense({ ...GOOD, orgKind: 'GOVERNMENT' }, NOW)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.errors.orgKind).toContain('企业')
    const gov = validateLicense({ ...GOOD, creditCode: '11440305MB2C19473F', orgKind: 'ENTERPRISE' }, NOW)
    if (!gov.ok) expect(gov.errors.orgKind).toContain('党政机关')
    else throw new Error('expected a refusal')
  })

  test('every field is checked and reported at once', () => {
    const r = validateLicense(
      { name: '', creditCode: '', legalRepresentative: 'Bob', orgKind: 'X', address: '', registeredOn: '2030-01-01', validUntil: '2020-01-01' },
      NOW
    )
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(Object.keys(r.errors).sort()).toEqual(['address', 'creditCode', 'legalRepresentative', 'name', 'orgKind', 'registeredOn', 'validUntil'].sort())
  })

  test('an expired term is refused; a future one or 长期 is fine', () => {
    expect(validateLicense({ ...GOOD, validUntil: '2026-11-20' }, NOW).ok).toBe(false)
    expect(validateLicense({ ...GOOD, validUntil: '2026-11-21' }, NOW).ok).toBe(true)
    expect(validateLicense({ ...GOOD, validUntil: '长期' }, NOW).ok).toBe(true)
  })

  test('dates are normalised from common spellings', () => {
    expect(normaliseDate('2019/5/16')).toBe('2019-05-16')
    expect(normaliseDate('2019.05.16')).toBe('2019-05-16')
    expect(normaliseDate('长期')).toBe('长期')
  })
})
