/**
 * The demo licence pictures: the QR-like block is decoration drawn without the QR encoder (so
 * that it stays out of the WeChat main package); the sandbox still reads each sample by its
 * marker.
 */
import { findDemoMarker } from '@sandbox/enterprise/model'
import { qrLikeBlock, sampleMarker, samplePng } from '@sandbox/enterprise/enterpriseSamples'

test('the block has the three finder squares, the timing rows, and a body seeded by the text', () => {
  const a = qrLikeBlock('91440300MA5FXXXX1A')
  const at = (x: number, y: number) => a.modules[y * a.size + x]
  for (const [ox, oy] of [
    [0, 0],
    [a.size - 7, 0],
    [0, a.size - 7]
  ]) {
    // dark outer ring, light ring, dark 3×3 centre
    expect([at(ox, oy), at(ox + 6, oy + 6), at(ox + 1, oy + 1), at(ox + 3, oy + 3), at(ox + 2, oy + 4)]).toEqual([1, 1, 0, 1, 1])
  }
  expect(Array.from({ length: 9 }, (_, i) => at(8 + i, 6)).join('')).toBe('101010101')
  expect(qrLikeBlock('91440300MA5FXXXX1A').modules).toEqual(a.modules)
  expect(qrLikeBlock('91330100MA2XXXXX0B').modules).not.toEqual(a.modules)
})

test('every sample still carries its marker, which is how the sandbox reads it', () => {
  for (const key of [
    'STANDARD',
    'LOW_CONFIDENCE',
    'INDIVIDUAL',
    'GOVERNMENT',
    'OTHER_ORG',
    'REJECT_FIRST',
    'VERIFIED',
    'BLURRED',
    'NOT_LICENSE',
    'LETTER'
  ] as const)
    expect(`INKSEAL-DEMO:${findDemoMarker(samplePng(key))}`).toBe(sampleMarker(key))
})
