import { CREDIT_CODE_ALPHABET, creditCodeCheckChar, validateCreditCode } from '@/domain/creditCode'
import type { Validation } from '@/domain/validation'

/** mulberry32: a small seeded PRNG so every failure is reproducible. */
function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * Reference check character written straight from GB 32100-2015, independent of the source:
 * weight of position i (0-based) is 3^i mod 31; check value = 31 - (sum mod 31), 31 → 0.
 */
const REF_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
function referenceCheckChar(first17: string): string {
  let sum = 0
  let w = 1
  for (let i = 0; i < 17; i++) {
    sum += REF_ALPHABET.indexOf(first17[i]) * w
    w = (w * 3) % 31
  }
  return REF_ALPHABET[(31 - (sum % 31)) % 31]
}

/** GB 32100-2015 table A.1: authority → organisation types. */
const TABLE: Record<string, string> = {
  '1': '1239',
  '2': '19',
  '3': '123459',
  '4': '19',
  '5': '1239',
  '6': '129',
  '7': '129',
  '8': '19',
  '9': '123',
  A: '19',
  N: '1239',
  Y: '1'
}

function withCheck(first17: string): string {
  return first17 + creditCodeCheckChar(first17)
}

function code(r: Validation<unknown>): string | undefined {
  return r.ok ? undefined : r.code
}

function message(r: Validation<unknown>): string {
  return r.ok ? '' : r.message
}

describe('credit code alphabet and check character', () => {
  test('31 symbols without I, O, S, V, Z', () => {
    expect(CREDIT_CODE_ALPHABET).toBe(REF_ALPHABET)
    expect(new Set(CREDIT_CODE_ALPHABET).size).toBe(31)
    for (const ch of 'IOSVZ') expect(CREDIT_CODE_ALPHABET).not.toContain(ch)
  })

  test('known vectors', () => {
    expect(creditCodeCheckChar('9144030071526726X')).toBe('G')
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3')
    expect(referenceCheckChar('9144030071526726X')).toBe('G')
  })

  test('a sum divisible by 31 gives 0, not an out-of-range index', () => {
    expect(creditCodeCheckChar('00000000000000000')).toBe('0')
  })

  test('is empty (not undefined) for input that is not 17 alphabet characters', () => {
    expect(creditCodeCheckChar('')).toBe('')
    expect(creditCodeCheckChar('9144030071526726')).toBe('')
    expect(creditCodeCheckChar('9144030071526726I')).toBe('')
    expect(creditCodeCheckChar('9144030071526726x')).toBe('')
    expect(creditCodeCheckChar(undefined as unknown as string)).toBe('')
  })
})

describe('validateCreditCode', () => {
  test('9144030071526726XG is valid', () => {
    expect(validateCreditCode('9144030071526726XG')).toEqual({
      ok: true,
      value: { code: '9144030071526726XG', authority: '9', kind: 'ENTERPRISE' }
    })
    expect(validateCreditCode('91350100M000100Y43').ok).toBe(true)
  })

  test('91350100M000100Y4Z is invalid: Z can never be a check character', () => {
    // Z is not in the alphabet, so this is refused for the character before the checksum is reached.
    const r = validateCreditCode('91350100M000100Y4Z')
    expect(r.ok).toBe(false)
    expect(code(r)).toBe('CREDIT_FORMAT')
    expect(message(r)).toContain('Z')
  })

  test('a wrong check character is refused with CREDIT_CHECKSUM', () => {
    for (const ch of CREDIT_CODE_ALPHABET) {
      if (ch === 'G') continue
      const r = validateCreditCode(`9144030071526726X${ch}`)
      expect([ch, code(r)]).toEqual([ch, 'CREDIT_CHECKSUM'])
      expect(message(r)).toMatch(/校验位/)
    }
  })

  test('lower case is normalised, whitespace removed', () => {
    for (const input of ['9144030071526726xg', '9144030071526726Xg', ' 91440300 71526726XG ', '914403\t0071526726\nXG']) {
      expect(validateCreditCode(input)).toEqual({
        ok: true,
        value: { code: '9144030071526726XG', authority: '9', kind: 'ENTERPRISE' }
      })
    }
  })

  test.each(['I', 'O', 'S', 'V', 'Z', 'i', 'o', 's', 'v', 'z'])('the character %s is refused and named', (ch) => {
    const base = '9144030071526726XG'
    // in the organisation code part and as the check character
    for (const i of [10, 16, 17]) {
      const r = validateCreditCode(base.slice(0, i) + ch + base.slice(i + 1))
      expect(code(r)).toBe('CREDIT_FORMAT')
      expect(message(r)).toContain(`“${ch.toUpperCase()}”`)
    }
  })

  test('other foreign characters are refused and named', () => {
    for (const ch of ['-', '*', '中', '😀', 'Ａ']) {
      const r = validateCreditCode('9144030071526726X' + ch)
      expect([ch, code(r)]).toEqual([ch, 'CREDIT_FORMAT'])
      expect(message(r)).toContain(`“${ch}”`)
    }
  })

  test('only ASCII is upper-cased: a ligature does not turn into valid letters', () => {
    // 'ﬀ'.toUpperCase() === 'FF'
    const valid = withCheck('91440300715267FF0')
    expect(validateCreditCode(valid).ok).toBe(true)
    const r = validateCreditCode(valid.replace('FF', 'ﬀ'))
    expect(r.ok).toBe(false)
  })

  test('wrong lengths', () => {
    expect(code(validateCreditCode(''))).toBe('CREDIT_EMPTY')
    expect(code(validateCreditCode('  '))).toBe('CREDIT_EMPTY')
    expect(code(validateCreditCode(undefined as unknown as string))).toBe('CREDIT_EMPTY')
    for (const input of ['9144030071526726X', '9144030071526726XG0', '914403007152672', '9144030071526726XGXX', '1']) {
      expect([input, code(validateCreditCode(input))]).toEqual([input, 'CREDIT_LENGTH'])
    }
    // the old 15-digit business registration number is not a credit code
    expect(code(validateCreditCode('440301103258974'))).toBe('CREDIT_LENGTH')
  })

  test('every authority/type combination follows GB 32100 table A.1', () => {
    for (const authority of CREDIT_CODE_ALPHABET) {
      for (const type of CREDIT_CODE_ALPHABET) {
        const c = withCheck(`${authority}${type}440300MA5FAKE01`)
        const allowed = TABLE[authority]?.includes(type) ?? false
        const r = validateCreditCode(c)
        if (allowed) expect([c, r.ok]).toEqual([c, true])
        else {
          expect([c, code(r)]).toEqual([c, 'CREDIT_FORMAT'])
          expect(message(r)).toMatch(/登记管理部门或机构类别/)
        }
      }
    }
  })

  test('司法鉴定机构 (34) and 仲裁委员会 (35) are accepted', () => {
    expect(validateCreditCode(withCheck('34110000MD0123456')).ok).toBe(true)
    expect(validateCreditCode(withCheck('35110000MD0123456')).ok).toBe(true)
  })

  test.each(['94', '99', '22', '0A', 'B1', 'Y2', '1A', 'A2'])('the combination %s is refused', (prefix) => {
    expect(code(validateCreditCode(withCheck(`${prefix}440300MA5FAKE01`)))).toBe('CREDIT_FORMAT')
  })

  test('the region code (positions 3-8) must be digits', () => {
    const r = validateCreditCode(withCheck('9144A30071526726X'))
    expect(code(r)).toBe('CREDIT_FORMAT')
    expect(message(r)).toMatch(/行政区划/)
  })

  test('organisation kind is derived from authority and type', () => {
    const kind = (prefix: string) => {
      const r = validateCreditCode(withCheck(`${prefix}440300MA5FAKE01`))
      return r.ok ? r.value.kind : code(r)
    }
    expect(kind('91')).toBe('ENTERPRISE')
    expect(kind('92')).toBe('INDIVIDUAL_BUSINESS')
    expect(kind('11')).toBe('GOVERNMENT')
    expect(kind('12')).toBe('OTHER')
    expect(kind('51')).toBe('OTHER')
    expect(kind('31')).toBe('OTHER')
    expect(kind('Y1')).toBe('OTHER')
    const r = validateCreditCode(withCheck('92440300MA5FAKE01'))
    expect(r.ok && r.value.authority).toBe('9')
  })

  test('every single-character substitution of a valid code is refused', () => {
    for (const valid of ['9144030071526726XG', '91350100M000100Y43']) {
      for (let i = 0; i < 18; i++) {
        for (const ch of CREDIT_CODE_ALPHABET) {
          if (ch === valid[i]) continue
          const c = valid.slice(0, i) + ch + valid.slice(i + 1)
          expect([c, validateCreditCode(c).ok]).toEqual([c, false])
          if (i >= 8) expect([c, code(validateCreditCode(c))]).toEqual([c, 'CREDIT_CHECKSUM'])
        }
      }
    }
  })

  test('property: 2 000 random valid prefixes', () => {
    const rand = prng(32100)
    const pick = (s: string) => s[Math.floor(rand() * s.length)]
    const authorities = Object.keys(TABLE).join('')
    const seenChecks = new Set<string>()
    const failures: string[] = []
    for (let n = 0; n < 2000; n++) {
      const authority = pick(authorities)
      const type = pick(TABLE[authority])
      let region = ''
      for (let i = 0; i < 6; i++) region += pick('0123456789')
      let org = ''
      for (let i = 0; i < 9; i++) org += pick(CREDIT_CODE_ALPHABET)
      const first17 = authority + type + region + org
      const check = creditCodeCheckChar(first17)
      if (check !== referenceCheckChar(first17)) failures.push(`${first17}: ${check} ≠ reference`)
      seenChecks.add(check)
      if (!validateCreditCode(first17 + check).ok) failures.push(`${first17 + check} refused`)
      if (!validateCreditCode((first17 + check).toLowerCase()).ok) failures.push(`${first17 + check} lower case refused`)
      for (const other of CREDIT_CODE_ALPHABET) {
        if (other === check) continue
        const r = validateCreditCode(first17 + other)
        if (code(r) !== 'CREDIT_CHECKSUM') failures.push(`${first17 + other}: ${r.ok ? 'ok' : code(r)}`)
      }
    }
    expect(failures).toEqual([])
    expect(seenChecks.size).toBe(31)
  })
})
