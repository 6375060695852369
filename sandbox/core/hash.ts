import { sha256 } from '@noble/hashes/sha256'
import { bytesToHex } from '@noble/hashes/utils'
import { utf8Bytes } from '@/domain/utf8'

export { utf8Bytes }

/**
 * Keyed SHA-256 of personal numbers. The sandbox state keeps these hashes (plus masked forms)
 * instead of full resident ID and mobile numbers. The domain prefix keeps an ID hash from ever
 * equalling a mobile hash.
 */
const PEPPER = 'inkseal.sandbox.v1'

export function hashId(idNumber: string): string {
  return bytesToHex(sha256(utf8Bytes(`${PEPPER}|id|${idNumber.toUpperCase()}`)))
}

export function hashMobile(mobile: string): string {
  return bytesToHex(sha256(utf8Bytes(`${PEPPER}|mobile|${mobile}`)))
}
