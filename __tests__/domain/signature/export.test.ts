import {
  alphaBounds,
  DEFAULT_EXPORT,
  exportHandwriting,
  inkBounds,
  normaliseSystemName,
  planExport,
  renderSystemSignature,
  systemTextLayout,
  SYSTEM_FONT_FAMILY,
  trimPlan,
  type ImageCanvas,
  type ImageContext2D
} from '@/domain/signature'
import { capture, RecordingContext } from './helpers'

/** An image canvas whose context records calls; text "draws" a block of opaque pixels. */
function fakeCanvasFactory(made: { width: number; height: number; ctx: FakeImageContext }[]) {
  return (width: number, height: number): ImageCanvas => {
    const ctx = new FakeImageContext(width, height)
    made.push({ width, height, ctx })
    return { ctx, toPng: async () => `data:image/png;base64,FAKE${width}x${height}` }
  }
}

class FakeImageContext extends RecordingContext implements ImageContext2D {
  font = ''
  textBaseline = ''
  textAlign = ''
  texts: { text: string; x: number; y: number; font: string }[] = []
  transforms: string[] = []
  constructor(readonly width: number, readonly height: number) {
    super()
  }
  fillText(text: string, x: number, y: number) {
    this.texts.push({ text, x, y, font: this.font })
  }
  scale(x: number, y: number) {
    this.transforms.push(`scale(${x},${y})`)
  }
  translate(x: number, y: number) {
    this.transforms.push(`translate(${x},${y})`)
  }
  getImageData(_x: number, _y: number, w: number, h: number) {
    // glyphs: a box from the text origin, fontPx tall centred on y, 0.9 em per character
    const data = new Uint8ClampedArray(w * h * 4)
    for (const t of this.texts) {
      const px = parseInt(t.font, 10)
      const x0 = Math.round(t.x)
      const x1 = Math.round(t.x + Array.from(t.text).length * px * 0.9)
      const y0 = Math.round(t.y - px * 0.45)
      const y1 = Math.round(t.y + px * 0.45)
      for (let y = Math.max(0, y0); y < Math.min(h, y1); y++) for (let x = Math.max(0, x0); x < Math.min(w, x1); x++) data[(y * w + x) * 4 + 3] = 255
    }
    return { data }
  }
}

describe('trimmed PNG export', () => {
  test('crops to the ink plus a margin and scales the longer side to at most 600 px', () => {
    const data = capture('signature-fast')
    const plan = planExport(data)!
    const box = inkBounds(data.strokes)!
    const bw = box.maxX - box.minX + 2 * DEFAULT_EXPORT.margin
    const bh = box.maxY - box.minY + 2 * DEFAULT_EXPORT.margin
    expect(Math.max(plan.width, plan.height)).toBeLessThanOrEqual(600)
    expect(Math.max(plan.width, plan.height)).toBeGreaterThanOrEqual(599)
    expect(plan.width / plan.height).toBeCloseTo(bw / bh, 1)
    // every bit of ink lands inside the image, at least the margin away from the edges
    const moved = inkBounds(plan.strokes)!
    expect(moved.minX).toBeCloseTo(DEFAULT_EXPORT.margin * plan.scale, 6)
    expect(moved.minY).toBeCloseTo(DEFAULT_EXPORT.margin * plan.scale, 6)
    expect(moved.maxX).toBeLessThanOrEqual(plan.width)
    expect(moved.maxY).toBeLessThanOrEqual(plan.height)
  })

  test('a small signature is enlarged at most twice', () => {
    const data = capture('signature-slow', 0.25)
    const plan = planExport(data)!
    expect(plan.scale).toBe(DEFAULT_EXPORT.maxScale)
    expect(Math.max(plan.width, plan.height)).toBeLessThan(600)
  })

  test('the image is ink only: transparent background (no background fill), black pen', async () => {
    const made: { width: number; height: number; ctx: FakeImageContext }[] = []
    const img = await exportHandwriting(capture('signature-fast'), fakeCanvasFactory(made), '#000000')
    expect(img).not.toBeNull()
    expect(made).toHaveLength(1)
    expect(img!.png).toBe(`data:image/png;base64,FAKE${img!.width}x${img!.height}`)
    const ctx = made[0].ctx
    expect(ctx.count('clearRect')).toBe(0)
    expect(ctx.calls.some((c) => c.op === 'fillRect')).toBe(false)
    expect(ctx.fillStyle).toBe('#000000')
    expect(ctx.count('fill')).toBeGreaterThan(20)
  })

  test('nothing drawn, nothing exported', async () => {
    expect(planExport({ width: 800, height: 340, strokes: [] })).toBeNull()
    expect(await exportHandwriting({ width: 800, height: 340, strokes: [] }, fakeCanvasFactory([]), '#000')).toBeNull()
  })
})

describe('system signature', () => {
  test('the name is set in regular script, trimmed and at most 600 px long', async () => {
    const made: { width: number; height: number; ctx: FakeImageContext }[] = []
    const img = await renderSystemSignature(' 张三 ', fakeCanvasFactory(made))
    expect(made).toHaveLength(2)
    const [probe, out] = made
    expect(probe.ctx.texts[0].text).toBe('张三')
    expect(probe.ctx.texts[0].font).toContain(SYSTEM_FONT_FAMILY)
    expect(SYSTEM_FONT_FAMILY).toBe("'KaiTi','STKaiti','Kaiti SC',serif")
    // trimmed: the output is about the glyph box plus margins, not the scratch canvas
    const layout = systemTextLayout('张三')
    expect(out.width).toBeLessThan(layout.canvasWidth)
    expect(out.height).toBeLessThan(layout.canvasHeight)
    expect(img.width).toBe(out.width)
    expect(Math.max(img.width, img.height)).toBeLessThanOrEqual(600)
    expect(img.png.startsWith('data:image/png;base64,')).toBe(true)
    expect(out.ctx.count('clearRect')).toBe(0)
  })

  test('a long name is scaled down to 600 px', async () => {
    const made: { width: number; height: number; ctx: FakeImageContext }[] = []
    const img = await renderSystemSignature('阿卜杜热合曼·买买提依明', fakeCanvasFactory(made))
    expect(img.width).toBeLessThanOrEqual(600)
    expect(made[1].ctx.transforms[0]).toMatch(/^scale\(0\.\d+/)
  })

  test('unusable names and platforms fail with a Chinese message', async () => {
    await expect(renderSystemSignature('   ', fakeCanvasFactory([]))).rejects.toThrow(/姓名/)
    await expect(renderSystemSignature('张三', () => null)).rejects.toThrow(/系统签名/)
    expect(normaliseSystemName('x'.repeat(21))).toBeNull()
    expect(normaliseSystemName(' 李  四 ')).toBe('李 四')
  })

  test('alphaBounds and trimPlan', () => {
    const w = 10
    const h = 6
    const px = new Uint8ClampedArray(w * h * 4)
    px[(2 * w + 3) * 4 + 3] = 200
    px[(4 * w + 7) * 4 + 3] = 255
    px[(5 * w + 9) * 4 + 3] = 5 // below the threshold: ignored
    expect(alphaBounds(px, w, h)).toEqual({ minX: 3, minY: 2, maxX: 8, maxY: 5 })
    expect(alphaBounds(new Uint8ClampedArray(w * h * 4), w, h)).toBeNull()
    expect(trimPlan({ minX: 0, minY: 0, maxX: 1000, maxY: 200 }, 10, 600)).toEqual({ width: 600, height: 130, scale: 600 / 1020, dx: 10, dy: 10 })
  })
})
