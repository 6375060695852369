import { formatDateTime } from '@/domain/localTime'

/**
 * The one payload format carried by every InkSeal QR code and link (see docs/entry-links.md).
 *
 *   payload = VERSION "." TYPE "." ID "." TOKEN "." EXPIRY "." CHECK
 *   e.g.      1.S.K7M2QX9A.p3Zr8TqW.tf0a2c.R
 *
 * - VERSION: "1"
 * - TYPE: "S" signing entry for a flow, "L" legal-representative authorization
 * - ID: 8 characters of ID_ALPHABET (flow or application id)
 * - TOKEN: 8 characters [0-9A-Za-z], the link secret checked by the backend
 * - EXPIRY: unix seconds, base 36, lower case, 1-8 characters
 * - CHECK: one character of [0-9A-Za-z], ISO/IEC 7064 hybrid MOD 63,62 over everything before
 *   the last "." so a mistyped or damaged code is caught offline. Every substitution of one
 *   alphanumeric character by another is detected (and most adjacent transpositions); a dot
 *   added or lost changes the layout, which the parser refuses. A single mod-31 character
 *   cannot do that for a 62-symbol token: 31 check values for 62 possible characters.
 *
 * The version is checked before anything else: a newer app's payload (VERSION 2-999) may
 * have another layout or check, so it is refused as UNSUPPORTED_VERSION ("update the app")
 * rather than as damaged.
 *
 * At most 32 characters (30 until 2038-12-24), so it fits a mini-program code's `scene`
 * (32 visible characters).
 * It travels as: the raw payload; `https://HOST/s/PAYLOAD` (the ordinary-link QR, which WeChat
 * passes to the mini-program as `q`); any URL on an allowed host with `?c=PAYLOAD`
 * (H5 deep links, also inside the hash); or the mini-program code's `scene`.
 */
export const PAYLOAD_VERSION = '1'
export const ID_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ'
export type EntryType = 'S' | 'L'

export interface EntryPayload {
  version: string
  type: EntryType
  id: string
  token: string
  /** epoch milliseconds */
  expiresAt: number
  raw: string
}

export type EntryErrorCode = 'EMPTY' | 'NOT_OURS' | 'FOREIGN_HOST' | 'MALFORMED' | 'CORRUPTED' | 'UNSUPPORTED_VERSION' | 'LINK_EXPIRED'

export interface EntryError {
  code: EntryErrorCode
  message: string
}

export type EntryParse = { ok: true; payload: EntryPayload } | { ok: false; error: EntryError }

export interface EntryParseOptions {
  /** Hosts (host or host:port, lower case) whose links are ours. */
  allowedHosts: readonly string[]
  /** Current time, epoch ms. */
  now: number
}

const MAX_INPUT = 4096

function err(code: EntryErrorCode, message: string): EntryParse {
  return { ok: false, error: { code, message } }
}

/** The 62 symbols of the token and of the check character, in check-value order. */
const ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'
const CHECK_MOD = 62
/** Largest expiry, in seconds, that fits 8 base-36 characters (keeps the payload ≤ 32 chars). */
const MAX_EXPIRY_SECONDS = 36 ** 8 - 1

/**
 * ISO/IEC 7064 hybrid system MOD 63,62. A character of [0-9A-Za-z] counts as its index in
 * ALNUM; any other character (the dots) as its code unit mod 62. Each step is a bijection of
 * the running state, so changing one character into another of a different value always
 * changes the check character.
 */
export function payloadCheckChar(body: string): string {
  const b = String(body ?? '')
  let p = CHECK_MOD
  for (let i = 0; i < b.length; i++) {
    const idx = ALNUM.indexOf(b[i])
    const v = idx >= 0 ? idx : b.charCodeAt(i) % CHECK_MOD
    const sum = (p + v) % CHECK_MOD || CHECK_MOD
    p = (sum * 2) % (CHECK_MOD + 1)
  }
  return ALNUM[(CHECK_MOD + 1 - p) % CHECK_MOD]
}

/** Builds a payload. Throws a RangeError for input that would give an unparseable payload. */
export function encodePayload(p: { type: EntryType; id: string; token: string; expiresAt: number }): string {
  if (p.type !== 'S' && p.type !== 'L') throw new RangeError(`encodePayload: unknown type ${String(p.type)}`)
  if (typeof p.id !== 'string' || p.id.length !== 8 || [...p.id].some((c) => !ID_ALPHABET.includes(c))) {
    throw new RangeError(`encodePayload: id must be 8 characters of ${ID_ALPHABET}`)
  }
  if (typeof p.token !== 'string' || !/^[0-9A-Za-z]{8}$/.test(p.token)) {
    throw new RangeError('encodePayload: token must be 8 characters of [0-9A-Za-z]')
  }
  const seconds = Math.floor(p.expiresAt / 1000)
  if (!Number.isFinite(seconds) || seconds < 1 || seconds > MAX_EXPIRY_SECONDS) {
    throw new RangeError('encodePayload: expiresAt out of range')
  }
  const body = [PAYLOAD_VERSION, p.type, p.id, p.token, seconds.toString(36)].join('.')
  return `${body}.${payloadCheckChar(body)}`
}

/** The canonical link for a payload: what the ordinary-link QR code encodes. */
export function entryLink(host: string, payload: string, scheme = 'https'): string {
  return `${scheme}://${host}/s/${payload}`
}

const PAYLOAD_SHAPE = /^[0-9A-Za-z]{1,3}\.[A-Z]\.[^.]*\.[^.]*\.[^.]*\.[^.]*$/
/** A newer app's payload: numeric version 2-999, a type letter, then URL-safe characters. */
const OTHER_VERSION_SHAPE = /^([1-9][0-9]{0,2})\.[A-Z]\.[0-9A-Za-z._~-]*$/
/** What a payload of any version starts with (for inputs that are neither URL nor v1 shape). */
const ANY_VERSION_PREFIX = /^[1-9][0-9]{0,2}\.[A-Z]\./

function looksLikePayload(s: string): boolean {
  return PAYLOAD_SHAPE.test(s)
}

/**
 * Raw text that is no URL but is shaped like a payload with a character or two damaged (a bad
 * version or type, a dot lost or added): at most 40 characters, a dot within the first four
 * characters and 4-6 dots. It is reported as a damaged code (MALFORMED/CORRUPTED), not as
 * someone else's QR code.
 */
function looksLikeDamagedPayload(s: string): boolean {
  if (s.length > 40 || !/^[^.]{0,3}\./u.test(s)) return false
  const dots = s.split('.').length - 1
  return dots >= 4 && dots <= 6
}

function safeDecode(s: string): string | null {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '))
  } catch {
    return null
  }
}

/** Validates a bare payload string. */
export function parsePayload(raw: string, now: number): EntryParse {
  const s = String(raw ?? '').trim()
  const other = OTHER_VERSION_SHAPE.exec(s)
  if (other && other[1] !== PAYLOAD_VERSION) {
    return err('UNSUPPORTED_VERSION', '该签署码版本过新，请更新小程序后再试')
  }
  if (!looksLikePayload(s)) return err('MALFORMED', '签署码格式不正确，请确认扫描的是完整的签署二维码')
  const parts = s.split('.')
  const [version, type, id, token, exp, check] = parts
  if (version !== PAYLOAD_VERSION) return err('MALFORMED', '签署码格式不正确，请确认扫描的是完整的签署二维码')
  const body = parts.slice(0, 5).join('.')
  if (check.length !== 1 || payloadCheckChar(body) !== check) {
    return err('CORRUPTED', '签署码已损坏或输入有误，请重新扫描或让发起方重新分享')
  }
  if (type !== 'S' && type !== 'L') return err('MALFORMED', '无法识别的签署码类型')
  if (id.length !== 8 || [...id].some((c) => !ID_ALPHABET.includes(c))) {
    return err('MALFORMED', '签署码中的编号不正确')
  }
  if (!/^[0-9A-Za-z]{8}$/.test(token)) return err('MALFORMED', '签署码中的凭证不正确')
  if (!/^[0-9a-z]{1,8}$/.test(exp)) return err('MALFORMED', '签署码中的有效期不正确')
  const expiresAt = parseInt(exp, 36) * 1000
  if (!Number.isFinite(expiresAt)) return err('MALFORMED', '签署码中的有效期不正确')
  if (expiresAt <= now) {
    return err('LINK_EXPIRED', `该签署码已于 ${formatDateTime(expiresAt)} 过期，请联系发起方重新获取`)
  }
  return { ok: true, payload: { version, type: type as EntryType, id, token, expiresAt, raw: s } }
}

interface ParsedUrl {
  scheme: string
  host: string
  path: string
  query: string
  hash: string
}

/**
 * A small URL splitter: the WeChat runtime has no URL class. Like a browser, it ends the
 * authority at a backslash and takes the host after the last "@", so
 * `https://evil.example.com\@sign.inkseal.cn/…` is evil.example.com here too.
 */
function splitUrl(s: string): ParsedUrl | null {
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\/([^/\\?#]*)([^?#]*)(\?[^#]*)?(#.*)?$/.exec(s)
  if (!m) return null
  const authority = m[2]
  const host = authority.slice(authority.lastIndexOf('@') + 1).toLowerCase()
  return { scheme: m[1].toLowerCase(), host, path: m[3] || '/', query: m[4] || '', hash: m[5] || '' }
}

function queryParam(query: string, name: string): string | null {
  const q = query.replace(/^[?#]/, '')
  for (const pair of q.split('&')) {
    const i = pair.indexOf('=')
    const k = i < 0 ? pair : pair.slice(0, i)
    if (k === name) return safeDecode(i < 0 ? '' : pair.slice(i + 1))
  }
  return null
}

function hostAllowed(host: string, allowed: readonly string[]): boolean {
  const bare = host.replace(/:\d+$/, '')
  return allowed.some((a) => {
    const x = a.toLowerCase()
    return x === host || x === bare
  })
}

/**
 * Parses anything a user can bring: scanned QR text, a pasted link, a raw payload, WeChat's
 * `q` (URL-encoded link) or a mini-program code's `scene` (URL-encoded payload).
 * Never throws; every refusal carries a typed code and a Chinese message.
 */
export function parseEntry(input: unknown, opts: EntryParseOptions): EntryParse {
  if (typeof input !== 'string') return err('EMPTY', '没有读取到二维码内容，请重新扫描')
  let s = input.trim()
  if (!s) return err('EMPTY', '没有读取到二维码内容，请重新扫描')
  if (s.length > MAX_INPUT) return err('NOT_OURS', '这不是 InkSeal 的签署二维码')
  // WeChat passes `q` and `scene` URL-encoded.
  if (/^[a-z]+%3A%2F%2F/i.test(s) || /^[1-9][0-9]{0,2}%2E/i.test(s)) {
    const d = safeDecode(s)
    if (d === null) return err('MALFORMED', '签署链接已损坏，请重新扫描')
    s = d.trim()
  }
  if (looksLikePayload(s)) return parsePayload(s, opts.now)
  const url = splitUrl(s)
  if (!url) {
    if (ANY_VERSION_PREFIX.test(s) || looksLikeDamagedPayload(s)) return parsePayload(s, opts.now)
    return err('NOT_OURS', '这不是 InkSeal 的签署二维码，请扫描发起方分享的签署码')
  }
  if (url.scheme !== 'https' && url.scheme !== 'http') {
    return err('NOT_OURS', '这不是 InkSeal 的签署二维码，请扫描发起方分享的签署码')
  }
  if (!hostAllowed(url.host, opts.allowedHosts)) {
    return err('FOREIGN_HOST', `该二维码指向外部网站（${url.host || '未知'}），不是 InkSeal 的签署码，请勿在此操作`)
  }
  if (url.scheme === 'http' && !/^(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/.test(url.host)) {
    return err('FOREIGN_HOST', '签署链接必须使用 https，请勿打开来源不明的链接')
  }
  const pathMatch = /^\/s\/([^/?#]+)\/?$/.exec(url.path)
  let candidate: string | null = pathMatch ? safeDecode(pathMatch[1]) : null
  if (candidate === null) candidate = queryParam(url.query, 'c')
  if (candidate === null) {
    const hashQuery = url.hash.indexOf('?')
    if (hashQuery >= 0) candidate = queryParam(url.hash.slice(hashQuery), 'c')
  }
  if (candidate === null) {
    const q = queryParam(url.query, 'q')
    if (q && q !== s) return parseEntry(q, opts)
    return err('MALFORMED', '签署链接不完整，请确认复制了完整的链接')
  }
  return parsePayload(candidate, opts.now)
}
