import {
  maskMobile,
  maskName,
  maskResidentId,
  residentIdCheckChar,
  validateMobile,
  validatePersonName,
  validateResidentId,
  validateSmsCode
} from '@/domain/identity'
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
 * Reference check character written straight from GB 11643-1999, independent of the source:
 * weight of position i (1-based, left to right) is 2^(18-i) mod 11; remainder r maps to
 * (12 - r) mod 11, with 10 written X.
 */
function referenceCheckChar(first17: string): string {
  let sum = 0
  for (let i = 1; i <= 17; i++) sum += Number(first17[i - 1]) * (2 ** (18 - i) % 11)
  const v = (12 - (sum % 11)) % 11
  return v === 10 ? 'X' : String(v)
}

/** Fixed "now": 2024-06-01 12:00 UTC (20:00 in Beijing). */
const NOW = Date.UTC(2024, 5, 1, 12, 0, 0)

function withCheck(first17: string): string {
  return first17 + residentIdCheckChar(first17)
}

function code(r: Validation<unknown>): string | undefined {
  return r.ok ? undefined : r.code
}

describe('resident ID check character', () => {
  test('the weights in the source are 2^(17-i) mod 11 and match the reference', () => {
    expect(residentIdCheckChar('11010519491231002')).toBe('X')
    expect(residentIdCheckChar('44052418800101001')).toBe('4')
    expect(referenceCheckChar('11010519491231002')).toBe('X')
    expect(referenceCheckChar('44052418800101001')).toBe('4')
  })

  test('is empty (not undefined) for input that is not 17 digits', () => {
    expect(residentIdCheckChar('')).toBe('')
    expect(residentIdCheckChar('1101051949123100')).toBe('')
    expect(residentIdCheckChar('1101051949123100A')).toBe('')
    expect(residentIdCheckChar(undefined as unknown as string)).toBe('')
  })
})

describe('validateResidentId', () => {
  test.each(['11010519491231002X', '440524188001010014'])('the standard example %s is valid', (id) => {
    const r = validateResidentId(id, NOW)
    expect(r).toEqual({
      ok: true,
      value: expect.objectContaining({ id, region: id.slice(0, 6) })
    })
  })

  test('derives region, birth date and gender (digit 17: odd male, even female)', () => {
    expect(validateResidentId('11010519491231002X', NOW)).toEqual({
      ok: true,
      value: { id: '11010519491231002X', region: '110105', birthDate: '1949-12-31', gender: 'F' }
    })
    expect(validateResidentId('440524188001010014', NOW)).toEqual({
      ok: true,
      value: { id: '440524188001010014', region: '440524', birthDate: '1880-01-01', gender: 'M' }
    })
  })

  test('gender follows digit 17 for every digit', () => {
    for (let d = 0; d <= 9; d++) {
      const r = validateResidentId(withCheck(`1101051990010100${d}`), NOW)
      expect(r.ok && r.value.gender).toBe(d % 2 === 1 ? 'M' : 'F')
    }
  })

  test('a lower-case x is normalised to X', () => {
    const r = validateResidentId('11010519491231002x', NOW)
    expect(r.ok && r.value.id).toBe('11010519491231002X')
  })

  test('spaces (inside and around, any whitespace) are stripped', () => {
    for (const input of [' 11010519491231002X ', '110105 19491231 002X', '110105\t19491231\n002x', '4405 2418 8001 0100 14']) {
      const r = validateResidentId(input, NOW)
      expect(r.ok).toBe(true)
    }
  })

  test('empty input', () => {
    expect(code(validateResidentId('', NOW))).toBe('ID_EMPTY')
    expect(code(validateResidentId('   ', NOW))).toBe('ID_EMPTY')
    expect(code(validateResidentId(undefined as unknown as string, NOW))).toBe('ID_EMPTY')
    expect(code(validateResidentId(null as unknown as string, NOW))).toBe('ID_EMPTY')
  })

  test('wrong length: 17, 19, 15 (old format)', () => {
    expect(code(validateResidentId('11010519491231002', NOW))).toBe('ID_LENGTH')
    expect(code(validateResidentId('11010519491231002X1', NOW))).toBe('ID_LENGTH')
    expect(code(validateResidentId('4405241880010100140', NOW))).toBe('ID_LENGTH')
    expect(code(validateResidentId('110105491231002', NOW))).toBe('ID_LENGTH')
  })

  test('letters in the first 17 are refused, X included', () => {
    const base = '11010519491231002X'
    for (let i = 0; i < 17; i++) {
      for (const ch of ['A', 'X', 'x', 'O', '-']) {
        const id = base.slice(0, i) + ch + base.slice(i + 1)
        expect([i, ch, code(validateResidentId(id, NOW))]).toEqual([i, ch, 'ID_FORMAT'])
      }
    }
    // a last character other than a digit or X
    expect(code(validateResidentId('11010519491231002Y', NOW))).toBe('ID_FORMAT')
    // full-width digits are not digits
    expect(code(validateResidentId('１１０１０５１９４９１２３１００２X', NOW))).toBe('ID_FORMAT')
  })

  test('bad region codes are refused (with a correct check character)', () => {
    for (const region of ['000000', '990000', '001234', '991234', '101234', '711234', '910101', '110000', '440000']) {
      const id = withCheck(`${region}19900101123`)
      expect([region, code(validateResidentId(id, NOW))]).toEqual([region, 'ID_REGION'])
    }
    // Hong Kong / Macao / Taiwan residence permits use 810000 / 820000 / 830000
    for (const region of ['810000', '820000', '830000']) {
      expect(validateResidentId(withCheck(`${region}19900101123`), NOW).ok).toBe(true)
    }
  })

  test('bad birth dates are refused (with a correct check character)', () => {
    // 18991231 is NOT in this list: the standard's own example 440524188001010014 was born in
    // 1880, so the lower bound is 1800 (see identity.ts).
    for (const date of ['19490230', '17991231', '18000229', '19000229', '19900001', '19901301', '19900100', '19900431', '21000101', '00000000']) {
      const id = withCheck(`110105${date}123`)
      expect([date, code(validateResidentId(id, NOW))]).toEqual([date, 'ID_BIRTH'])
    }
    for (const date of ['20000229', '18000101', '18800101', '18991231', '19000101', '19000228', '19961231', '20240229']) {
      expect([date, validateResidentId(withCheck(`110105${date}123`), NOW).ok]).toEqual([date, true])
    }
  })

  test('a birth date after the injected now is refused; today is allowed', () => {
    expect(validateResidentId(withCheck('11010520240601123'), NOW).ok).toBe(true)
    expect(code(validateResidentId(withCheck('11010520240602123'), NOW))).toBe('ID_BIRTH')
    expect(code(validateResidentId(withCheck('11010520250101123'), NOW))).toBe('ID_BIRTH')
    // the same ID is valid once that day has come
    expect(validateResidentId(withCheck('11010520240602123'), Date.UTC(2024, 5, 2, 12)).ok).toBe(true)
  })

  test('"today" is the date in China (UTC+8), not the UTC date', () => {
    // 2024-06-01 16:30 UTC is already 2024-06-02 00:30 in Beijing
    const justAfterMidnightInBeijing = Date.UTC(2024, 5, 1, 16, 30)
    expect(validateResidentId(withCheck('11010520240602123'), justAfterMidnightInBeijing).ok).toBe(true)
    expect(code(validateResidentId(withCheck('11010520240603123'), justAfterMidnightInBeijing))).toBe('ID_BIRTH')
    // 2024-06-01 15:59 UTC is still 2024-06-01 23:59 in Beijing
    expect(code(validateResidentId(withCheck('11010520240602123'), Date.UTC(2024, 5, 1, 15, 59)))).toBe('ID_BIRTH')
  })

  test('a wrong check character is refused with ID_CHECKSUM', () => {
    expect(code(validateResidentId('110105194912310021', NOW))).toBe('ID_CHECKSUM')
    expect(code(validateResidentId('44052418800101001X', NOW))).toBe('ID_CHECKSUM')
    expect(code(validateResidentId('440524188001010015', NOW))).toBe('ID_CHECKSUM')
  })

  test.each(['11010519491231002X', '440524188001010014'])('every single-digit substitution of %s is refused', (valid) => {
    let checked = 0
    let byChecksum = 0
    for (let i = 0; i < 18; i++) {
      for (const ch of '0123456789X') {
        if (ch === valid[i] || (ch === 'X' && i < 17)) continue
        const id = valid.slice(0, i) + ch + valid.slice(i + 1)
        const r = validateResidentId(id, NOW)
        expect([id, r.ok]).toEqual([id, false])
        // If only the check character is wrong now, the check character must be what says so.
        const first17 = id.slice(0, 17)
        if (validateResidentId(withCheck(first17), NOW).ok) {
          expect([id, code(r)]).toEqual([id, 'ID_CHECKSUM'])
          byChecksum++
        }
        checked++
      }
    }
    expect(checked).toBe(17 * 9 + 10)
    // most substitutions keep region and date valid: the check character has to catch them
    expect(byChecksum).toBeGreaterThan(100)
  })

  test('adjacent transpositions of distinct digits are refused', () => {
    for (const valid of ['11010519491231002X', '440524188001010014']) {
      for (let i = 0; i < 16; i++) {
        if (valid[i] === valid[i + 1]) continue
        const id = valid.slice(0, i) + valid[i + 1] + valid[i] + valid.slice(i + 2)
        expect([id, validateResidentId(id, NOW).ok]).toEqual([id, false])
      }
    }
  })

  test('property: 2 000 random IDs with a valid region and date', () => {
    const rand = prng(20240601)
    const provinces = [
      '11',
      '12',
      '13',
      '14',
      '15',
      '21',
      '22',
      '23',
      '31',
      '32',
      '33',
      '34',
      '35',
      '36',
      '37',
      '41',
      '42',
      '43',
      '44',
      '45',
      '46',
      '50',
      '51',
      '52',
      '53',
      '54',
      '61',
      '62',
      '63',
      '64',
      '65'
    ]
    const pad = (n: number, w: number) => String(n).padStart(w, '0')
    const minDay = Date.UTC(1800, 0, 1)
    const maxDay = Date.UTC(2024, 5, 1)
    const seenChecks = new Set<string>()
    const failures: string[] = []
    for (let n = 0; n < 2000; n++) {
      const province = provinces[Math.floor(rand() * provinces.length)]
      const rest = pad(1 + Math.floor(rand() * 9999), 4) // never 0000
      const birth = new Date(minDay + Math.floor(rand() * ((maxDay - minDay) / 86400000 + 1)) * 86400000)
      const date = `${birth.getUTCFullYear()}${pad(birth.getUTCMonth() + 1, 2)}${pad(birth.getUTCDate(), 2)}`
      const seq = pad(Math.floor(rand() * 1000), 3)
      const first17 = province + rest + date + seq
      const check = residentIdCheckChar(first17)
      if (check !== referenceCheckChar(first17)) failures.push(`${first17}: ${check} ≠ reference`)
      seenChecks.add(check)
      const r = validateResidentId(first17 + check, NOW)
      if (!r.ok) failures.push(`${first17 + check} refused: ${code(r)}`)
      else {
        if (r.value.birthDate !== `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6)}`) failures.push(`${first17} birth date`)
        if (r.value.gender !== (Number(seq[2]) % 2 ? 'M' : 'F')) failures.push(`${first17} gender`)
      }
      for (const other of '0123456789Xx') {
        if (other === check) continue
        if (other === 'x' && check === 'X') continue
        const c = code(validateResidentId(first17 + other, NOW))
        if (c !== 'ID_CHECKSUM') failures.push(`${first17 + other}: ${c ?? 'ok'}`)
      }
    }
    expect(failures).toEqual([])
    // all 11 check characters occurred
    expect(seenChecks.size).toBe(11)
  })
})

describe('validateMobile', () => {
  test('a plain mainland number', () => {
    expect(validateMobile('13800138000')).toEqual({ ok: true, value: '13800138000' })
  })

  test.each([['+8613800138000'], ['8613800138000'], ['+86 138 0013 8000'], ['86-138-0013-8000'], ['138-0013-8000'], [' 138 0013 8000 '], ['+86-13800138000']])(
    '%s is normalised to 13800138000',
    (input) => {
      expect(validateMobile(input)).toEqual({ ok: true, value: '13800138000' })
    }
  )

  test('every prefix 13-19 is accepted, 10-12 refused', () => {
    for (let second = 0; second <= 9; second++) {
      const r = validateMobile(`1${second}812345678`)
      if (second >= 3) expect(r.ok).toBe(true)
      else expect(code(r)).toBe('MOBILE_FORMAT')
    }
  })

  test.each([
    ['', 'MOBILE_EMPTY'],
    ['  ', 'MOBILE_EMPTY'],
    ['138001380001', 'MOBILE_LENGTH'], // 12 digits
    ['1380013800', 'MOBILE_LENGTH'], // 10 digits
    ['861380013800', 'MOBILE_LENGTH'], // +86 with only 10 digits after it is not a prefix
    ['12012345678', 'MOBILE_FORMAT'],
    ['12812345678', 'MOBILE_FORMAT'],
    ['23800138000', 'MOBILE_FORMAT'],
    ['1380013800a', 'MOBILE_FORMAT'],
    ['abcdefghijk', 'MOBILE_FORMAT'],
    ['138.0013.8000', 'MOBILE_FORMAT'],
    ['+8713800138000', 'MOBILE_FORMAT'],
    ['１３８００１３８０００', 'MOBILE_FORMAT'] // full-width digits
  ])('%j is refused with %s', (input, expected) => {
    const r = validateMobile(input)
    expect(code(r)).toBe(expected)
    expect(r.ok ? '' : r.message).toMatch(/[\u4e00-\u9fff]/)
  })

  test('null and undefined do not throw', () => {
    expect(code(validateMobile(undefined as unknown as string))).toBe('MOBILE_EMPTY')
    expect(code(validateMobile(null as unknown as string))).toBe('MOBILE_EMPTY')
  })
})

describe('validatePersonName', () => {
  test.each(['张三', '欧阳娜娜', '阿卜杜拉·买买提', '王𠇔', '𪚥龘'])('%s is accepted unchanged', (name) => {
    expect(validatePersonName(name)).toEqual({ ok: true, value: name })
  })

  test("'.', '•' and other look-alikes of the middle dot are normalised to '·'", () => {
    for (const dot of ['.', '•', '・', '．', '‧', '･', '∙', '⋅', '\u0387', '·']) {
      expect([dot, validatePersonName(`阿卜杜拉${dot}买买提`)]).toEqual([dot, { ok: true, value: '阿卜杜拉·买买提' }])
    }
  })

  test('surrounding spaces are trimmed', () => {
    expect(validatePersonName('  张三 ')).toEqual({ ok: true, value: '张三' })
  })

  test.each([
    ['', 'NAME_EMPTY'],
    ['   ', 'NAME_EMPTY'],
    ['Zhang San', 'NAME_FORMAT'],
    ['张San', 'NAME_FORMAT'],
    ['张三1', 'NAME_FORMAT'],
    ['12', 'NAME_FORMAT'],
    ['张 三', 'NAME_FORMAT'],
    ['·张三', 'NAME_FORMAT'],
    ['张三·', 'NAME_FORMAT'],
    ['阿卜杜拉··买买提', 'NAME_FORMAT'],
    ['张三😀', 'NAME_FORMAT'],
    ['张䷀', 'NAME_FORMAT'], // a Yijing hexagram symbol, not an ideograph
    ['张', 'NAME_LENGTH'],
    ['𠇔', 'NAME_LENGTH'], // one supplementary-plane character is still one character
    ['张'.repeat(31), 'NAME_LENGTH'],
    ['𠇔'.repeat(31), 'NAME_LENGTH']
  ])('%j is refused with %s', (input, expected) => {
    expect(code(validatePersonName(input))).toBe(expected)
  })

  test('30 characters are accepted, counting code points and dots', () => {
    expect(validatePersonName('张'.repeat(30)).ok).toBe(true)
    expect(validatePersonName('𠇔'.repeat(30)).ok).toBe(true)
    expect(validatePersonName('张'.repeat(15) + '·' + '李'.repeat(14)).ok).toBe(true)
    expect(code(validatePersonName('张'.repeat(15) + '·' + '李'.repeat(15)))).toBe('NAME_LENGTH')
  })
})

describe('validateSmsCode', () => {
  test('6 digits only', () => {
    expect(validateSmsCode('123456')).toEqual({ ok: true, value: '123456' })
    expect(validateSmsCode('000000')).toEqual({ ok: true, value: '000000' })
    expect(validateSmsCode(' 123 456 ')).toEqual({ ok: true, value: '123456' })
    for (const bad of ['12345', '1234567', '12345a', 'abcdef', '12-456', '１２３４５６', '123.45']) {
      expect([bad, code(validateSmsCode(bad))]).toEqual([bad, 'CODE_FORMAT'])
    }
    expect(code(validateSmsCode(''))).toBe('CODE_EMPTY')
    expect(code(validateSmsCode(undefined as unknown as string))).toBe('CODE_EMPTY')
  })
})

describe('masks', () => {
  test('the documented examples', () => {
    expect(maskName('张三')).toBe('张*')
    expect(maskName('欧阳娜娜')).toBe('欧***')
    expect(maskResidentId('440524188001010014')).toBe('4405**********0014')
    expect(maskMobile('13812345678')).toBe('138****5678')
  })

  test('maskName counts characters, not UTF-16 units', () => {
    expect(maskName('𠇔三')).toBe('𠇔*')
    expect(maskName('王𠇔')).toBe('王*')
    expect(maskName('阿卜杜拉·买买提')).toBe('阿*******')
  })

  test('short and empty inputs do not throw and reveal nothing extra', () => {
    expect(maskName('')).toBe('')
    expect(maskName('张')).toBe('张*')
    expect(maskName(undefined as unknown as string)).toBe('')
    expect(maskName(null as unknown as string)).toBe('')
    expect(maskResidentId('')).toBe('')
    expect(maskResidentId('1234')).toBe('****')
    expect(maskResidentId('12345678')).toBe('********')
    expect(maskResidentId('123456789')).toBe('1234*6789')
    expect(maskResidentId(undefined as unknown as string)).toBe('')
    expect(maskMobile('')).toBe('')
    expect(maskMobile('123')).toBe('***')
    expect(maskMobile('1234567')).toBe('*******')
    expect(maskMobile('12345678')).toBe('123*5678')
    expect(maskMobile(null as unknown as string)).toBe('')
  })

  test('a masked value never contains the hidden middle', () => {
    expect(maskResidentId('11010519491231002X')).toBe('1101**********002X')
    expect(maskResidentId('11010519491231002X')).not.toContain('19491231')
    expect(maskMobile('13800138000')).not.toContain('0013')
  })
})
