import { utf8ToBytes } from '@noble/hashes/utils'
import { hashId, hashMobile, utf8Bytes } from '@sandbox/core/hash'

describe('utf8Bytes (TextEncoder-free, for WeChat)', () => {
  test.each(['', 'abc', '张三|id|11010519491231002X', '阿卜杜拉·买买提', '😀 emoji', '\u00e9\u07ff\u0800\uffff'])('matches TextEncoder for %j', (s) => {
    expect(Array.from(utf8Bytes(s))).toEqual(Array.from(utf8ToBytes(s)))
  })

  test('hashes are hex SHA-256, distinct for ID and mobile, case-insensitive for the X', () => {
    expect(hashId('11010519491231002x')).toBe(hashId('11010519491231002X'))
    expect(hashId('13800138000')).not.toBe(hashMobile('13800138000'))
    expect(hashMobile('13800138000')).toMatch(/^[0-9a-f]{64}$/)
  })
})
