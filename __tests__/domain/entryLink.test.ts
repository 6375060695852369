import dayjs from 'dayjs'
import { encodePayload, entryLink, ID_ALPHABET, parseEntry, parsePayload, payloadCheckChar, type EntryErrorCode, type EntryParse } from '@/domain/entryLink'

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

const HOST = 'sign.inkseal.cn'
const H5_HOST = 'localhost:10086'
const NOW = Date.UTC(2025, 0, 1) // 2025-01-01 00:00 UTC
const OPTS = { allowedHosts: [HOST, H5_HOST], now: NOW }
const ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'
const KNOWN_CODES: EntryErrorCode[] = ['EMPTY', 'NOT_OURS', 'FOREIGN_HOST', 'MALFORMED', 'CORRUPTED', 'UNSUPPORTED_VERSION', 'LINK_EXPIRED']

const SPEC = { type: 'S' as const, id: 'K7M2QX9A', token: 'p3Zr8TqW', expiresAt: NOW + 86400 * 1000 }
const P = encodePayload(SPEC)
const EXPECTED = { version: '1', type: 'S', id: 'K7M2QX9A', token: 'p3Zr8TqW', expiresAt: NOW + 86400 * 1000, raw: P }

function errorCode(r: EntryParse): string {
  return r.ok ? 'ok' : r.error.code
}

/** Builds a payload with an arbitrary body and a correct check character. */
function withCheck(body: string): string {
  return `${body}.${payloadCheckChar(body)}`
}

describe('encodePayload', () => {
  test('the documented layout', () => {
    expect(P).toMatch(/^1\.S\.K7M2QX9A\.p3Zr8TqW\.[0-9a-z]+\.[0-9A-Za-z]$/)
    expect(P.split('.')[4]).toBe((NOW / 1000 + 86400).toString(36))
    expect(P.slice(0, -2)).toBe('1.S.K7M2QX9A.p3Zr8TqW.spfpc0')
  })

  test('expiry is truncated to whole seconds', () => {
    const r = parsePayload(encodePayload({ ...SPEC, expiresAt: SPEC.expiresAt + 999 }), NOW)
    expect(r.ok && r.payload.expiresAt).toBe(SPEC.expiresAt)
  })

  test('the payload fits a mini-program scene (≤ 32 characters) for every expiry it accepts', () => {
    expect(P.length).toBe(30)
    const rand = prng(32)
    const maxMs = (36 ** 8 - 1) * 1000
    for (let n = 0; n < 1000; n++) {
      const expiresAt = 1000 + Math.floor(rand() * (maxMs - 1000))
      const p = encodePayload({ ...SPEC, expiresAt })
      expect(p.length).toBeLessThanOrEqual(32)
      expect(encodeURIComponent(p)).toBe(p) // no escaping in a scene either
    }
    expect(encodePayload({ ...SPEC, expiresAt: maxMs }).length).toBe(32)
    // until 2038-12-24 the expiry has 6 characters: 30 in all
    expect(encodePayload({ ...SPEC, expiresAt: Date.UTC(2038, 11, 24) }).length).toBe(30)
    expect(encodePayload({ ...SPEC, expiresAt: Date.UTC(2038, 11, 25) }).length).toBe(31)
  })

  test('refuses input that could never parse instead of producing it', () => {
    expect(() => encodePayload({ ...SPEC, type: 'X' as 'S' })).toThrow(RangeError)
    expect(() => encodePayload({ ...SPEC, id: 'K7M2QX9' })).toThrow(RangeError)
    expect(() => encodePayload({ ...SPEC, id: 'K7M2QX90' })).toThrow(RangeError) // 0 is not in ID_ALPHABET
    expect(() => encodePayload({ ...SPEC, id: 'k7m2qx9a' })).toThrow(RangeError)
    expect(() => encodePayload({ ...SPEC, token: 'p3Zr8Tq' })).toThrow(RangeError)
    expect(() => encodePayload({ ...SPEC, token: 'p3Zr8Tq-' })).toThrow(RangeError)
    expect(() => encodePayload({ ...SPEC, expiresAt: -1000 })).toThrow(RangeError)
    expect(() => encodePayload({ ...SPEC, expiresAt: NaN })).toThrow(RangeError)
    expect(() => encodePayload({ ...SPEC, expiresAt: 36 ** 8 * 1000 })).toThrow(RangeError)
  })

  test('entryLink builds the canonical link', () => {
    expect(entryLink(HOST, P)).toBe(`https://sign.inkseal.cn/s/${P}`)
    expect(entryLink(H5_HOST, P, 'http')).toBe(`http://localhost:10086/s/${P}`)
  })
})

describe('payloadCheckChar', () => {
  test('is one character of [0-9A-Za-z], for any body', () => {
    for (const body of ['', '.', '1.S.K7M2QX9A.p3Zr8TqW.spfpc0', '中文', '\uD800', 'x'.repeat(1000)]) {
      expect(payloadCheckChar(body)).toMatch(/^[0-9A-Za-z]$/)
    }
  })

  test('property: every single-character substitution over [0-9A-Za-z] changes it', () => {
    // (A dot and 'k' count the same; a dot added or lost changes the layout, which the parser
    // refuses on its own: see "one character changed anywhere" below.)
    // The old weighted mod-31 sum missed any two characters 31 or 62 code points apart:
    // 2↔Q in the id, 0↔O, B↔a, 0→n in the expiry… (22 undetected in the example payload).
    const rand = prng(6362)
    const failures: string[] = []
    for (let n = 0; n < 300; n++) {
      const pick = (s: string, k: number) => Array.from({ length: k }, () => s[Math.floor(rand() * s.length)]).join('')
      const body = [
        '1',
        rand() < 0.5 ? 'S' : 'L',
        pick(ID_ALPHABET, 8),
        pick(ALNUM, 8),
        pick('0123456789abcdefghijklmnopqrstuvwxyz', 1 + Math.floor(rand() * 8))
      ].join('.')
      const check = payloadCheckChar(body)
      for (let i = 0; i < body.length; i++) {
        for (const ch of ALNUM) {
          if (ch === body[i] || body[i] === '.') continue
          const mutated = body.slice(0, i) + ch + body.slice(i + 1)
          if (payloadCheckChar(mutated) === check) failures.push(`${body} @${i} → ${ch}`)
        }
      }
    }
    expect(failures).toEqual([])
  })

  test('every check character occurs', () => {
    const rand = prng(62)
    const seen = new Set<string>()
    for (let n = 0; n < 2000; n++) seen.add(payloadCheckChar(`1.S.K7M2QX9A.p3Zr8TqW.${Math.floor(rand() * 1e9).toString(36)}`))
    expect(seen.size).toBe(62)
  })
})

describe('parseEntry round trips', () => {
  const link = entryLink(HOST, P)
  const cases: Array<[string, string]> = [
    ['raw payload', P],
    ['raw payload with surrounding whitespace', `  ${P}\n`],
    ['canonical link', link],
    ['canonical link with a trailing slash', `${link}/`],
    ['canonical link, scheme and host in upper case', `HTTPS://SIGN.INKSEAL.CN/s/${P}`],
    ['canonical link with the default port', `https://sign.inkseal.cn:443/s/${P}`],
    ['canonical link with extra query and hash', `${link}?from=timeline#top`],
    ['H5 URL (hash router)', `http://localhost:10086/#/pages/entry/index?c=${P}`],
    ['H5 URL with more parameters', `http://localhost:10086/#/pages/entry/index?a=1&c=${P}&b=2`],
    ['?c= in the query', `https://sign.inkseal.cn/pages/entry/index?c=${P}`],
    ['?c= percent-encoded', `https://sign.inkseal.cn/pages/entry/index?c=${encodeURIComponent(P).replace(/\./g, '%2E')}`],
    ["WeChat's q (encodeURIComponent of the link)", encodeURIComponent(link)],
    ["WeChat's q of the H5 URL", encodeURIComponent(`http://localhost:10086/#/pages/entry/index?c=${P}`)],
    ["a mini-program code's scene (encodeURIComponent of the payload)", encodeURIComponent(P)],
    ['a scene with the dots escaped too', P.replace(/\./g, '%2E')],
    ['a link carrying q', `https://sign.inkseal.cn/?q=${encodeURIComponent(link)}`]
  ]

  test.each(cases)('%s', (_label, input) => {
    expect(parseEntry(input, OPTS)).toEqual({ ok: true, payload: EXPECTED })
  })

  test('an L payload round-trips too', () => {
    const p = encodePayload({ ...SPEC, type: 'L' })
    expect(parseEntry(entryLink(HOST, p), OPTS)).toEqual({ ok: true, payload: { ...EXPECTED, type: 'L', raw: p } })
  })

  test('property: random payloads round-trip through every wrapper', () => {
    const rand = prng(2025)
    const pick = (s: string, k: number) => Array.from({ length: k }, () => s[Math.floor(rand() * s.length)]).join('')
    const failures: string[] = []
    for (let n = 0; n < 500; n++) {
      const spec = {
        type: (rand() < 0.5 ? 'S' : 'L') as 'S' | 'L',
        id: pick(ID_ALPHABET, 8),
        token: pick(ALNUM, 8),
        expiresAt: NOW + 1000 + Math.floor(rand() * 1e12)
      }
      const p = encodePayload(spec)
      const l = entryLink(HOST, p)
      for (const input of [p, l, encodeURIComponent(l), encodeURIComponent(p), `http://localhost:10086/#/pages/entry/index?c=${p}`]) {
        const r = parseEntry(input, OPTS)
        if (
          !r.ok ||
          r.payload.raw !== p ||
          r.payload.id !== spec.id ||
          r.payload.token !== spec.token ||
          r.payload.type !== spec.type ||
          r.payload.expiresAt !== Math.floor(spec.expiresAt / 1000) * 1000
        ) {
          failures.push(`${input}: ${JSON.stringify(r)}`)
        }
      }
    }
    expect(failures).toEqual([])
  })
})

describe('parseEntry refusals', () => {
  test.each([
    ['empty string', ''],
    ['whitespace', ' \n\t '],
    ['undefined', undefined],
    ['null', null],
    ['a number', 12345],
    ['an object', { c: P }],
    ['an array', [P]]
  ])('%s → EMPTY', (_label, input) => {
    expect(errorCode(parseEntry(input, OPTS))).toBe('EMPTY')
  })

  test.each([
    ['hello'],
    ['3.14'],
    ['1.s.lowercase'],
    ['ftp://sign.inkseal.cn/s/PAYLOAD'],
    ['weixin://dl/business/?t=abc'],
    ['mailto:someone@example.com'],
    ['WIFI:S:office;T:WPA;P:secret;;'],
    ['请扫描签署码']
  ])('%j → NOT_OURS', (input) => {
    expect(errorCode(parseEntry(input, OPTS))).toBe('NOT_OURS')
  })

  test('an oversized input → NOT_OURS', () => {
    expect(errorCode(parseEntry(`${entryLink(HOST, P)}?x=${'a'.repeat(5000)}`, OPTS))).toBe('NOT_OURS')
  })

  test('a foreign host → FOREIGN_HOST, naming the host', () => {
    const r = parseEntry(`https://evil.example.com/s/${P}`, OPTS)
    expect(errorCode(r)).toBe('FOREIGN_HOST')
    expect(!r.ok && r.error.message).toContain('evil.example.com')
  })

  test.each([
    ['look-alike subdomain', `https://sign.inkseal.cn.evil.example.com/s/${P}`],
    ['look-alike prefix', `https://xsign.inkseal.cn/s/${P}`],
    ['our host as user info', `https://sign.inkseal.cn@evil.example.com/s/${P}`],
    ['our host as user info, several @', `https://a@sign.inkseal.cn@evil.example.com/s/${P}`],
    ['backslash before @ (browsers go to evil.example.com)', `https://evil.example.com\\@sign.inkseal.cn/s/${P}`],
    ['backslash as path separator', `https://evil.example.com\\s\\${P}`],
    ['trailing-dot host', `https://sign.inkseal.cn./s/${P}`],
    ['H5 host on another port', `http://localhost:9999/#/pages/entry/index?c=${P}`],
    ['foreign host carrying our link in q', `https://evil.example.com/?q=${encodeURIComponent(entryLink(HOST, P))}`],
    ['foreign link in WeChat q', encodeURIComponent(`https://evil.example.com/s/${P}`)]
  ])('%s → FOREIGN_HOST', (_label, input) => {
    const r = parseEntry(input, OPTS)
    expect(errorCode(r)).toBe('FOREIGN_HOST')
    if (!r.ok) expect(r.error.message).not.toContain('sign.inkseal.cn@')
  })

  test('http on a host other than localhost → FOREIGN_HOST', () => {
    const r = parseEntry(`http://sign.inkseal.cn/s/${P}`, OPTS)
    expect(errorCode(r)).toBe('FOREIGN_HOST')
    expect(!r.ok && r.error.message).toContain('https')
    // http is fine for a local H5 host that is allowed
    expect(parseEntry(`http://localhost:10086/s/${P}`, OPTS).ok).toBe(true)
    expect(parseEntry(`http://127.0.0.1:10086/s/${P}`, { ...OPTS, allowedHosts: ['127.0.0.1:10086'] }).ok).toBe(true)
  })

  test.each([
    ['no path', 'https://sign.inkseal.cn'],
    ['root', 'https://sign.inkseal.cn/'],
    ['/s/ without payload', 'https://sign.inkseal.cn/s/'],
    ['/s without slash', 'https://sign.inkseal.cn/s'],
    ['another page', 'https://sign.inkseal.cn/pages/entry/index'],
    ['empty c', 'https://sign.inkseal.cn/pages/entry/index?c='],
    ['H5 without c', 'http://localhost:10086/#/pages/entry/index'],
    ['a path below the payload', `https://sign.inkseal.cn/s/${P}/extra`],
    ['empty q', 'https://sign.inkseal.cn/?q=']
  ])('our host without a payload (%s) → MALFORMED', (_label, input) => {
    expect(errorCode(parseEntry(input, OPTS))).toBe('MALFORMED')
  })

  test.each([
    ['truncated q', 'https%3A%2F%2Fsign.inkseal.cn%2Fs%2F%E0%A4%A'],
    ['lone surrogate in q', 'https%3A%2F%2Fsign.inkseal.cn%2Fs%2F%ED%A0%80'],
    ['bad escape in q', 'https%3A%2F%2Fsign.inkseal.cn%2Fs%2F%ZZ'],
    ['bad escape in a scene', '1%2ES%2E%ZZ'],
    ['truncated escape in a scene', '1%2ES%2EK7M2QX9A%2'],
    ['bad escape in the path', 'https://sign.inkseal.cn/s/%E0%A4%A'],
    ['bad escape in c', 'https://sign.inkseal.cn/pages/entry/index?c=%'],
    ['bad escape in the hash', 'http://localhost:10086/#/pages/entry/index?c=%G0'],
    ['bad escape in q', 'https://sign.inkseal.cn/?q=%E0']
  ])('a malformed %%-escape (%s) → MALFORMED without throwing', (_label, input) => {
    expect(() => decodeURIComponent(input)).toThrow(URIError)
    expect(errorCode(parseEntry(input, OPTS))).toBe('MALFORMED')
  })

  test('payload fields with a correct check character are still checked', () => {
    const cases: Array<[string, string]> = [
      ['unknown type', withCheck('1.X.K7M2QX9A.p3Zr8TqW.spfpc0')],
      ['id too short', withCheck('1.S.K7M2QX9.p3Zr8TqW.spfpc0')],
      ['id with 0 (not in ID_ALPHABET)', withCheck('1.S.K7M2QX90.p3Zr8TqW.spfpc0')],
      ['id in lower case', withCheck('1.S.k7m2qx9a.p3Zr8TqW.spfpc0')],
      ['token too long', withCheck('1.S.K7M2QX9A.p3Zr8TqWx.spfpc0')],
      ['token with -', withCheck('1.S.K7M2QX9A.p3Zr8Tq-.spfpc0')],
      ['expiry in upper case', withCheck('1.S.K7M2QX9A.p3Zr8TqW.SPFPC0')],
      ['expiry of 9 characters (beyond a Date, > 32 chars)', withCheck('1.S.K7M2QX9A.p3Zr8TqW.zzzzzzzzz')],
      ['empty expiry', withCheck('1.S.K7M2QX9A.p3Zr8TqW.')],
      ['version 01', withCheck('01.S.K7M2QX9A.p3Zr8TqW.spfpc0')],
      ['version 0', withCheck('0.S.K7M2QX9A.p3Zr8TqW.spfpc0')],
      ['version A', withCheck('A.S.K7M2QX9A.p3Zr8TqW.spfpc0')],
      ['a seventh part', withCheck('1.S.K7M2QX9A.p3Zr8TqW.spfpc0.x')]
    ]
    for (const [label, p] of cases) {
      expect([label, errorCode(parseEntry(p, OPTS))]).toEqual([label, 'MALFORMED'])
      expect([label, errorCode(parseEntry(entryLink(HOST, p), OPTS))]).toEqual([label, 'MALFORMED'])
    }
  })

  test('a wrong or missing check character → CORRUPTED', () => {
    const body = P.slice(0, -2)
    for (const check of ALNUM) {
      if (check === P[P.length - 1]) continue
      expect([check, errorCode(parseEntry(`${body}.${check}`, OPTS))]).toEqual([check, 'CORRUPTED'])
    }
    expect(errorCode(parseEntry(`${body}.`, OPTS))).toBe('CORRUPTED')
    expect(errorCode(parseEntry(`${P}x`, OPTS))).toBe('CORRUPTED')
  })

  test('the substitutions the old mod-31 check missed are caught', () => {
    expect(P.slice(0, -2)).toBe('1.S.K7M2QX9A.p3Zr8TqW.spfpc0')
    const at = (i: number, ch: string) => P.slice(0, i) + ch + P.slice(i + 1)
    expect(errorCode(parseEntry(at(7, 'Q'), OPTS))).toBe('CORRUPTED') // id 2 → Q
    expect(errorCode(parseEntry(at(8, '2'), OPTS))).toBe('CORRUPTED') // id Q → 2
    expect(errorCode(parseEntry(at(27, 'n'), OPTS))).toBe('CORRUPTED') // expiry 0 → n: 7 years later
    expect(errorCode(parseEntry(at(15, 'y'), OPTS))).toBe('CORRUPTED') // token Z → y
    expect(errorCode(parseEntry(at(14, 'R'), OPTS))).toBe('CORRUPTED') // token 3 → R
  })

  test('a single case flip anywhere is caught', () => {
    for (let i = 0; i < P.length; i++) {
      const c = P[i]
      const flipped = c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase()
      if (flipped === c) continue
      const r = parseEntry(P.slice(0, i) + flipped + P.slice(i + 1), OPTS)
      expect([i, errorCode(r)]).toEqual([i, expect.stringMatching(/^(CORRUPTED|MALFORMED)$/)])
    }
    expect(parseEntry(P.toUpperCase(), OPTS).ok).toBe(false)
    expect(parseEntry(P.toLowerCase(), OPTS).ok).toBe(false)
  })

  test('one character changed anywhere is never accepted (raw, link, q, H5)', () => {
    const replacements = Array.from(ALNUM + '.-_~ +%/?#&=\\@:\u00b7中😀') // every alphanumeric and then some
    const failures: string[] = []
    let tried = 0
    for (let i = 0; i < P.length; i++) {
      for (const ch of replacements) {
        if (ch === P[i]) continue
        const m = P.slice(0, i) + ch + P.slice(i + 1)
        const inputs = [m, entryLink(HOST, m), encodeURIComponent(entryLink(HOST, m)), `http://localhost:10086/#/pages/entry/index?c=${encodeURIComponent(m)}`]
        for (const input of inputs) {
          tried++
          const code = errorCode(parseEntry(input, OPTS))
          // Position 0 is the version: a digit 2-9 there reads as a newer app's payload.
          const allowed = i === 0 ? ['UNSUPPORTED_VERSION', 'MALFORMED', 'CORRUPTED'] : ['CORRUPTED', 'MALFORMED']
          if (!allowed.includes(code)) failures.push(`@${i} ${JSON.stringify(ch)} ${input}: ${code}`)
        }
      }
    }
    expect(failures).toEqual([])
    expect(tried).toBeGreaterThan(30 * 70 * 4)
  })

  test('deleting or duplicating any one character is never accepted', () => {
    for (let i = 0; i < P.length; i++) {
      const deleted = P.slice(0, i) + P.slice(i + 1)
      const doubled = P.slice(0, i) + P[i] + P.slice(i)
      expect([deleted, parseEntry(deleted, OPTS).ok]).toEqual([deleted, false])
      expect([doubled, parseEntry(doubled, OPTS).ok]).toEqual([doubled, false])
    }
  })

  test('adjacent transpositions of different characters are caught in this payload', () => {
    for (let i = 0; i + 1 < P.length; i++) {
      if (P[i] === P[i + 1]) continue
      const m = P.slice(0, i) + P[i + 1] + P[i] + P.slice(i + 2)
      expect([m, parseEntry(m, OPTS).ok]).toEqual([m, false])
    }
  })

  describe('a newer version → UNSUPPORTED_VERSION, checked before the check character', () => {
    const v2Body = `2${P.slice(1, -2)}`
    test.each([
      ['with the check character recomputed', withCheck(v2Body)],
      ['with the v1 check character (a v2 check may be computed differently)', `2${P.slice(1)}`],
      ['with another layout', '2.S.K7M2QX9A-p3Zr8TqW_x~y.zz.Q'],
      ['version 10', withCheck(`10${P.slice(1, -2)}`)],
      ['version 999', `999${P.slice(1)}`]
    ])('%s', (_label, p) => {
      for (const input of [p, entryLink(HOST, p), encodeURIComponent(entryLink(HOST, p)), encodeURIComponent(p), p.replace(/\./g, '%2E')]) {
        const r = parseEntry(input, OPTS)
        expect([input, errorCode(r)]).toEqual([input, 'UNSUPPORTED_VERSION'])
        expect(!r.ok && r.error.message).toMatch(/更新/)
      }
    })
  })

  test('expired → LINK_EXPIRED with the formatted date', () => {
    const expiresAt = NOW - 3600 * 1000
    const r = parseEntry(encodePayload({ ...SPEC, expiresAt }), OPTS)
    expect(errorCode(r)).toBe('LINK_EXPIRED')
    expect(!r.ok && r.error.message).toContain(dayjs(expiresAt).format('YYYY-MM-DD HH:mm'))
    expect(!r.ok && r.error.message).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/)
  })

  test('expiry is exclusive: a link expiring now is expired, one second later is not', () => {
    expect(errorCode(parseEntry(encodePayload({ ...SPEC, expiresAt: NOW }), OPTS))).toBe('LINK_EXPIRED')
    expect(parseEntry(encodePayload({ ...SPEC, expiresAt: NOW + 1000 }), OPTS).ok).toBe(true)
  })

  test('an expired link in a URL is still reported as expired', () => {
    const p = encodePayload({ ...SPEC, expiresAt: NOW - 1000 })
    expect(errorCode(parseEntry(encodeURIComponent(entryLink(HOST, p)), OPTS))).toBe('LINK_EXPIRED')
  })

  test('parsePayload does not throw on non-strings', () => {
    expect(errorCode(parsePayload(undefined as unknown as string, NOW))).toBe('MALFORMED')
    expect(errorCode(parsePayload(42 as unknown as string, NOW))).toBe('MALFORMED')
  })
})

describe('parseEntry fuzz', () => {
  const CJK = /[\u4e00-\u9fff]/
  const POOL = Array.from(ALNUM + '..../:?#&=%+-_~ @\\\t\n中文签署·😀').concat([
    '\uD800',
    '\uDC00',
    '\u0000',
    '%E0',
    '%2E',
    '%2F',
    '%3A',
    '%',
    '%ZZ',
    '%ED%A0%80'
  ])

  function check(input: unknown, failures: string[], mustNotBeOk: boolean, original?: string): void {
    let r: EntryParse
    try {
      r = parseEntry(input, OPTS)
    } catch (e) {
      failures.push(`threw on ${JSON.stringify(input)}: ${String(e)}`)
      return
    }
    if (r.ok) {
      const p = r.payload
      const sane =
        (p.type === 'S' || p.type === 'L') &&
        p.id.length === 8 &&
        [...p.id].every((c) => ID_ALPHABET.includes(c)) &&
        /^[0-9A-Za-z]{8}$/.test(p.token) &&
        p.expiresAt > NOW &&
        parsePayload(p.raw, NOW).ok
      if (!sane) failures.push(`accepted an insane payload from ${JSON.stringify(input)}: ${JSON.stringify(p)}`)
      if (mustNotBeOk) failures.push(`accepted a one-character change ${JSON.stringify(input)} of ${original}`)
    } else {
      if (!KNOWN_CODES.includes(r.error.code)) failures.push(`unknown code ${r.error.code} for ${JSON.stringify(input)}`)
      if (typeof r.error.message !== 'string' || !CJK.test(r.error.message)) {
        failures.push(`message without Chinese for ${JSON.stringify(input)}: ${JSON.stringify(r.error.message)}`)
      }
    }
    // deterministic
    try {
      expect(parseEntry(input, OPTS)).toEqual(r)
    } catch {
      failures.push(`not deterministic for ${JSON.stringify(input)}`)
    }
  }

  test('10 000 random and mutated inputs never throw and always give ok or a known, Chinese refusal', () => {
    const rand = prng(0x1c5ea1)
    const int = (n: number) => Math.floor(rand() * n)
    const pickOf = <T>(xs: readonly T[]): T => xs[int(xs.length)]
    const randomString = (max: number) => Array.from({ length: int(max) }, () => pickOf(POOL)).join('')
    const randomPayload = () =>
      encodePayload({
        type: rand() < 0.5 ? 'S' : 'L',
        id: Array.from({ length: 8 }, () => ID_ALPHABET[int(ID_ALPHABET.length)]).join(''),
        token: Array.from({ length: 8 }, () => ALNUM[int(ALNUM.length)]).join(''),
        expiresAt: NOW + (rand() < 0.1 ? -1 : 1) * (1000 + int(1e11))
      })

    type Mutation = { s: string; single: boolean }
    const mutate = (s: string): Mutation => {
      const i = int(s.length + 1)
      switch (int(10)) {
        case 0:
          return { s: s.slice(0, int(s.length)), single: false } // truncate the end
        case 1:
          return { s: s.slice(int(s.length)), single: false } // truncate the start
        case 2:
          return { s: s.slice(0, i) + pickOf(POOL) + s.slice(i), single: false } // insert
        case 3:
          return { s: s.slice(0, i) + s.slice(i + 1), single: false } // delete
        case 4: {
          // substitute one character by a different one (always a real one-character change)
          if (!s.length) return { s, single: false }
          const j = int(s.length)
          const c = pickOf(Array.from(ALNUM + '.-_~'))
          return { s: s.slice(0, j) + c + s.slice(j + 1), single: c !== s[j] }
        }
        case 5: {
          // flip the case of one character
          if (!s.length) return { s, single: false }
          const j = int(s.length)
          const c = s[j] === s[j].toUpperCase() ? s[j].toLowerCase() : s[j].toUpperCase()
          return { s: s.slice(0, j) + c + s.slice(j + 1), single: c !== s[j] }
        }
        case 6:
          return { s: rand() < 0.5 ? s.toUpperCase() : s.toLowerCase(), single: false } // flip everything
        case 7: {
          const j = int(s.length)
          return { s: s.slice(0, j) + s.slice(j, j + 1 + int(5)).repeat(2) + s.slice(j + 1 + int(5)), single: false } // duplicate
        }
        case 8:
          return { s: s.slice(0, i) + pickOf(['%', '%E0%A4', '%ZZ', '%2E', '%ED%A0%80', '%25', '+', ' ']) + s.slice(i), single: false }
        default: {
          // swap two neighbours
          if (s.length < 2) return { s, single: false }
          const j = int(s.length - 1)
          return { s: s.slice(0, j) + s[j + 1] + s[j] + s.slice(j + 2), single: false }
        }
      }
    }
    const hosts = [
      HOST,
      HOST,
      H5_HOST,
      'SIGN.INKSEAL.CN',
      'sign.inkseal.cn:443',
      'evil.example.com',
      'user@sign.inkseal.cn',
      'sign.inkseal.cn@evil.example.com',
      ''
    ]
    // encodeURIComponent throws on a lone surrogate (which the mutations can insert)
    const enc = (x: string) => {
      try {
        return encodeURIComponent(x)
      } catch {
        return x
      }
    }
    const wrap = (p: string): string => {
      const host = pickOf(hosts)
      const scheme = pickOf(['https', 'https', 'http', 'HTTPS', 'ftp'])
      switch (int(7)) {
        case 0:
          return p
        case 1:
          return `${scheme}://${host}/s/${p}`
        case 2:
          return `${scheme}://${host}/#/pages/entry/index?c=${p}`
        case 3:
          return `${scheme}://${host}/pages/entry/index?x=1&c=${enc(p)}`
        case 4:
          return enc(`${scheme}://${host}/s/${p}`) // WeChat q
        case 5:
          return enc(p) // scene
        default:
          return `https://${host}/?q=${enc(`${scheme}://${host}/s/${p}`)}`
      }
    }

    const failures: string[] = []
    let oks = 0
    let refusals = 0
    let singles = 0
    const seenCodes = new Set<string>()
    for (let n = 0; n < 10000; n++) {
      const kind = int(10)
      let input: unknown
      let single = false
      let original: string | undefined
      if (kind === 0) {
        input = randomString(int(10) === 0 ? 400 : 40)
      } else if (kind === 1) {
        input = pickOf<unknown>([undefined, null, 0, 1, NaN, true, {}, [], { toString: () => P }, Symbol('x'), () => P, 'x'.repeat(5000)])
      } else if (kind <= 5) {
        // mutated payload, possibly mutated again, then wrapped
        original = randomPayload()
        let m = mutate(original)
        if (rand() < 0.3) m = { s: mutate(m.s).s, single: false }
        single = m.single
        input = wrap(m.s)
      } else if (kind <= 8) {
        // wrapped valid payload, then the whole string mutated
        original = randomPayload()
        input = mutate(wrap(original)).s
      } else {
        // random junk inside a URL on our host
        input = `https://${HOST}/s/${randomString(40)}`
      }
      // a single real change inside a payload must never be accepted, whatever the wrapper
      if (single) singles++
      check(input, failures, single, original)
      const r = parseEntry(input, OPTS)
      if (r.ok) oks++
      else {
        refusals++
        seenCodes.add(r.error.code)
      }
      if (failures.length > 20) break
    }
    expect(failures).toEqual([])
    // the fuzzer reaches both outcomes and every refusal
    expect(oks).toBeGreaterThan(200)
    expect(refusals).toBeGreaterThan(5000)
    expect(singles).toBeGreaterThan(400)
    expect([...seenCodes].sort()).toEqual([...KNOWN_CODES].sort())
  })
})
