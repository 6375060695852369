import dayjs from 'dayjs'
import { CREDIT_CODE_ALPHABET } from './creditCode'

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
 * - EXPIRY: unix seconds, base 36, lower case
 * - CHECK: one character of the GB 32100 alphabet (31 symbols), a weighted mod-31 sum of
 *   everything before the last "." so a mistyped or damaged code is caught offline.
 *
 * At most 31 characters, so it fits a mini-program code's `scene` (32 visible characters).
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

export type EntryErrorCode =
  | 'EMPTY'
  | 'NOT_OURS'
  | 'FOREIGN_HOST'
  | 'MALFORMED'
  | 'CORRUPTED'
  | 'UNSUPPORTED_VERSION'
  | 'LINK_EXPIRED'

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

export function payloadCheckChar(body: string): string {
  let sum = 0
  for (let i = 0; i < body.length; i++) sum += body.charCodeAt(i) * ((i % 30) + 1)
  return CREDIT_CODE_ALPHABET[sum % 31]
}

export function encodePayload(p: { type: EntryType; id: string; token: string; expiresAt: number }): string {
  const body = [PAYLOAD_VERSION, p.type, p.id, p.token, Math.floor(p.expiresAt / 1000).toString(36)].join('.')
  return `${body}.${payloadCheckChar(body)}`
}

/** The canonical link for a payload: what the ordinary-link QR code encodes. */
export function entryLink(host: string, payload: string, scheme = 'https'): string {
  return `${scheme}://${host}/s/${payload}`
}

const PAYLOAD_SHAPE = /^[0-9A-Za-z]{1,3}\.[A-Z]\.[^.]*\.[^.]*\.[^.]*\.[^.]*$/

function looksLikePayload(s: string): boolean {
  return PAYLOAD_SHAPE.test(s)
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
  const s = raw.trim()
  if (!looksLikePayload(s)) return err('MALFORMED', '签署码格式不正确，请确认扫描的是完整的签署二维码')
  const parts = s.split('.')
  const [version, type, id, token, exp, check] = parts
  if (version !== PAYLOAD_VERSION) {
    return err('UNSUPPORTED_VERSION', '该签署码版本过新，请更新小程序后再试')
  }
  const body = parts.slice(0, 5).join('.')
  if (check.length !== 1 || payloadCheckChar(body) !== check) {
    return err('CORRUPTED', '签署码已损坏或输入有误，请重新扫描或让发起方重新分享')
  }
  if (type !== 'S' && type !== 'L') return err('MALFORMED', '无法识别的签署码类型')
  if (id.length !== 8 || [...id].some((c) => !ID_ALPHABET.includes(c))) {
    return err('MALFORMED', '签署码中的编号不正确')
  }
  if (!/^[0-9A-Za-z]{8}$/.test(token)) return err('MALFORMED', '签署码中的凭证不正确')
  if (!/^[0-9a-z]{1,9}$/.test(exp)) return err('MALFORMED', '签署码中的有效期不正确')
  const expiresAt = parseInt(exp, 36) * 1000
  if (!Number.isFinite(expiresAt)) return err('MALFORMED', '签署码中的有效期不正确')
  if (expiresAt <= now) {
    return err(
      'LINK_EXPIRED',
      `该签署码已于 ${dayjs(expiresAt).format('YYYY-MM-DD HH:mm')} 过期，请联系发起方重新获取`
    )
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

/** A small URL splitter: the WeChat runtime has no URL class. */
function splitUrl(s: string): ParsedUrl | null {
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\/([^/?#]*)([^?#]*)(\?[^#]*)?(#.*)?$/.exec(s)
  if (!m) return null
  const authority = m[2]
  const host = authority.replace(/^[^@]*@/, '').toLowerCase()
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
  if (/^[a-z]+%3A%2F%2F/i.test(s) || /^1%2E/i.test(s)) {
    const d = safeDecode(s)
    if (d === null) return err('MALFORMED', '签署链接已损坏，请重新扫描')
    s = d.trim()
  }
  if (looksLikePayload(s)) return parsePayload(s, opts.now)
  const url = splitUrl(s)
  if (!url) {
    if (/^1\.[A-Z]\./.test(s)) return parsePayload(s, opts.now)
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
