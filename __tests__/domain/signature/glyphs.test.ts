import {
  decodeGlyph,
  decodeGlyphBase64,
  encodeGlyph,
  GlyphFormatError,
  KAI_GRID,
  KAI_TIERS,
  kaiShardOf,
  loadGlyphs,
  placeText,
  type Glyph
} from '@/domain/signature'
import { KAI_METRICS } from '@/generated/kai/meta'
import { loadKaiShard } from '@/platform/glyphs.h5'

describe('packed glyph format', () => {
  test('round trip with negative, large and multi-contour coordinates', () => {
    const contours: [number, number][][] = [
      [
        [0, 0],
        [255, -66],
        [-300, 4000]
      ],
      [
        [12, 13],
        [14, 15],
        [16, 17],
        [12, 13]
      ]
    ]
    expect(decodeGlyph(encodeGlyph(256, contours))).toEqual({ advance: 256, contours })
  })

  test('truncated, padded and non-base64 data is refused', () => {
    const bytes = encodeGlyph(200, [
      [
        [1, 2],
        [3, 4],
        [5, 6]
      ]
    ])
    expect(() => decodeGlyph(bytes.subarray(0, bytes.length - 1))).toThrow(GlyphFormatError)
    expect(() => decodeGlyph(Uint8Array.from([...bytes, 0]))).toThrow(GlyphFormatError)
    expect(() => decodeGlyphBase64('!!!')).toThrow(GlyphFormatError)
  })

  test('shards spread the characters by code point, per tier', () => {
    expect(kaiShardOf('张', 'a')).toBe('张'.codePointAt(0)! % KAI_TIERS.a)
    expect(kaiShardOf('圳', 'b')).toBe('圳'.codePointAt(0)! % KAI_TIERS.b)
    expect(new Set(Array.from('张王李赵刘陈杨黄').map((ch) => kaiShardOf(ch, 'a'))).size).toBeGreaterThan(4)
  })
})

describe('the generated LXGW WenKai outlines', () => {
  test('cover GB 2312 (all of level 1, nearly all of level 2), with the font metrics', () => {
    expect(KAI_METRICS.glyphs).toBeGreaterThanOrEqual(6763 - 40)
    expect(KAI_METRICS.ascent).toBeGreaterThan(KAI_GRID * 0.8)
    expect(KAI_METRICS.descent).toBeLessThan(0)
  })

  test('every demo identity, company contact and common surname has outlines', async () => {
    const names =
      '张三李四陈晨王芳刘洋赵敏孙磊周婷吴昊郑爽郑双钱多多何佳周明远孙强林海涛陈丽欣黄志强' +
      '欧阳司马上官诸葛慕容尉迟皇甫令狐宇文长孙东方端木阎翟靳邝佘钮芮郜闵瞿臧' +
      '阿卜杜热合曼·买买提依明'
    const { glyphs, missing } = await loadGlyphs(names, loadKaiShard)
    expect(missing).toEqual([])
    for (const g of glyphs.values()) {
      expect(g.contours.length).toBeGreaterThan(0)
      expect(g.advance).toBeGreaterThan(0)
    }
  })

  test('each shard is loaded once per text; tier b only for what tier a lacks; unknown characters in order', async () => {
    const calls: string[] = []
    const spy = (tier: 'a' | 'b', n: number) => {
      calls.push(`${tier}${n}`)
      return loadKaiShard(tier, n)
    }
    const { missing, glyphs } = await loadGlyphs('张张㐀三㐁 张', spy)
    expect(missing).toEqual(['㐀', '㐁'])
    expect(Array.from(glyphs.keys())).toEqual(['张', '三'])
    expect(calls.length).toBe(new Set(calls).size)
    // 张 and 三 are in tier a: tier b is asked only for the two unknown characters
    expect(calls.filter((c) => c.startsWith('b')).sort()).toEqual(Array.from(new Set([`b${kaiShardOf('㐀', 'b')}`, `b${kaiShardOf('㐁', 'b')}`])).sort())
    calls.length = 0
    const ok = await loadGlyphs('深圳', spy)
    expect(ok.missing).toEqual([])
    expect(calls).toContain(`b${kaiShardOf('圳', 'b')}`)
  })

  test('where tier b is not shipped (WeChat), its characters are missing and tier a still works', async () => {
    const tierAOnly = (tier: 'a' | 'b', n: number) => (tier === 'a' ? loadKaiShard(tier, n) : Promise.resolve({}))
    const r = await loadGlyphs('深圳张三', tierAOnly)
    expect(r.missing).toEqual(['圳'])
    expect(r.glyphs.has('深')).toBe(true)
  })
})

describe('placing text', () => {
  const square: Glyph = {
    advance: 256,
    contours: [
      [
        [0, 0],
        [128, 0],
        [128, 128],
        [0, 128]
      ]
    ]
  }
  const glyphs = new Map([['口', square]])

  test('y is flipped, the ink box is moved to the margin, spaces advance the pen', () => {
    const one = placeText('口', glyphs, 256, 10)!
    expect(one.width).toBe(148)
    expect(one.height).toBe(148)
    expect(one.contours[0]).toEqual([
      [10, 138],
      [138, 138],
      [138, 10],
      [10, 10]
    ])
    const two = placeText('口 口', glyphs, 256, 0)!
    // second square starts one advance plus a space (0.3 em) after the first
    expect(two.contours[1][0][0]).toBeCloseTo(256 + Math.round(256 * 0.3), 6)
  })

  test('scales with the em size; nothing to draw gives null; unknown characters throw', () => {
    expect(placeText('口', glyphs, 128, 0)!.width).toBe(64)
    expect(placeText(' ', glyphs, 128, 0)).toBeNull()
    expect(() => placeText('田', glyphs, 128, 0)).toThrow()
  })
})
