import jsQR from 'jsqr'
import { qrMatrix, qrSvg } from '@/domain/qrSvg'

/** Rasterises the matrix (with a quiet zone) to RGBA, scale px per module, and decodes it with jsQR. */
function decode(text: string): string | null {
  const m = qrMatrix(text)
  const scale = 4
  const margin = 4
  const n = (m.size + margin * 2) * scale
  const px = new Uint8ClampedArray(n * n * 4).fill(255)
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; x++) {
      const r = Math.floor(y / scale) - margin
      const c = Math.floor(x / scale) - margin
      if (r >= 0 && c >= 0 && r < m.size && c < m.size && m.dark(r, c)) {
        const i = (y * n + x) * 4
        px[i] = px[i + 1] = px[i + 2] = 0
      }
    }
  }
  return jsQR(px, n, n)?.data ?? null
}

describe('qrSvg', () => {
  test.each(['https://sign.inkseal.cn/s/1.S.PERSNL26.p3Zr8TqW.tf0a2c.R', 'http://localhost:10086/s/1.S.STRATG26.Ab3dEf9h.tf0a2c.x', '签署码 张三'])(
    'the matrix decodes back to %j (jsQR)',
    (text) => {
      expect(decode(text)).toBe(text)
    }
  )

  test('the SVG has a square viewBox with the quiet zone and one path of modules', () => {
    const svg = qrSvg('hello', { margin: 2 })
    const size = qrMatrix('hello').size
    expect(svg).toContain(`viewBox="0 0 ${size + 4} ${size + 4}"`)
    expect(svg.match(/<path /g)).toHaveLength(1)
    expect(svg).toMatch(/M\d+ \d+h1v1h-1z/)
  })
})
