import {
  DEFAULT_EXPORT,
  exportHandwriting,
  inkBounds,
  normaliseSystemName,
  planExport,
  renderSystemSignature,
  SYSTEM_EM_PX,
  type ImageCanvas,
  type ImageContext2D
} from '@/domain/signature'
import { loadKaiShard } from '@/platform/glyphs.h5'
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
  constructor(
    readonly width: number,
    readonly height: number
  ) {
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

describe('system signature (font outlines, no device font)', () => {
  test('the name is drawn from the outlines, trimmed and at most 600 px long, without any text API', async () => {
    const made: { width: number; height: number; ctx: FakeImageContext }[] = []
    const img = await renderSystemSignature(' 张三 ', fakeCanvasFactory(made), loadKaiShard)
    expect(made).toHaveLength(1)
    const out = made[0].ctx
    // outlines only: no fillText, hence no font lookup on the device
    expect(out.texts).toHaveLength(0)
    expect(out.count('fill')).toBe(1)
    expect(out.count('moveTo')).toBeGreaterThan(4)
    expect(out.count('lineTo')).toBeGreaterThan(100)
    expect(out.count('clearRect')).toBe(0)
    expect(out.fillStyle).toBe('#000000')
    // two characters side by side: wider than tall; about two ems of SYSTEM_EM_PX
    expect(img.width).toBeGreaterThan(img.height)
    expect(img.width).toBeGreaterThan(SYSTEM_EM_PX * 1.5)
    expect(img.width).toBeLessThan(SYSTEM_EM_PX * 2.4)
    expect(img.png.startsWith('data:image/png;base64,')).toBe(true)
    // every point lands inside the image
    const pts = out.calls.filter((c) => c.op === 'moveTo' || c.op === 'lineTo')
    expect(Math.min(...pts.map((c) => c.args[0]))).toBeGreaterThanOrEqual(0)
    expect(Math.max(...pts.map((c) => c.args[0]))).toBeLessThanOrEqual(img.width)
    expect(Math.max(...pts.map((c) => c.args[1]))).toBeLessThanOrEqual(img.height)
  })

  test('the same name gives the same drawing every time (no device dependency)', async () => {
    const a: { width: number; height: number; ctx: FakeImageContext }[] = []
    const b: { width: number; height: number; ctx: FakeImageContext }[] = []
    await renderSystemSignature('李四', fakeCanvasFactory(a), loadKaiShard)
    await renderSystemSignature('李四', fakeCanvasFactory(b), loadKaiShard)
    expect(a[0].ctx.calls).toEqual(b[0].ctx.calls)
    const c: { width: number; height: number; ctx: FakeImageContext }[] = []
    await renderSystemSignature('李五', fakeCanvasFactory(c), loadKaiShard)
    expect(c[0].ctx.calls).not.toEqual(a[0].ctx.calls)
  })

  test('a long name is scaled down to 600 px', async () => {
    const made: { width: number; height: number; ctx: FakeImageContext }[] = []
    const img = await renderSystemSignature('阿卜杜热合曼·买买提依明', fakeCanvasFactory(made), loadKaiShard)
    expect(img.width).toBe(600)
    expect(img.height).toBeLessThan(120)
  })

  test('unusable names, missing characters, failed loads and platforms fail with a Chinese message', async () => {
    await expect(renderSystemSignature('   ', fakeCanvasFactory([]), loadKaiShard)).rejects.toThrow(/姓名/)
    await expect(renderSystemSignature('张三', () => null, loadKaiShard)).rejects.toThrow(/系统签名/)
    // CJK extension A: not in the outlines
    await expect(renderSystemSignature('张㐀', fakeCanvasFactory([]), loadKaiShard)).rejects.toThrow('姓名中的“㐀”暂不支持系统签名，请改用手写签名')
    const offline = () => Promise.reject(new Error('ChunkLoadError'))
    await expect(renderSystemSignature('张三', fakeCanvasFactory([]), offline)).rejects.toThrow('系统签名字体加载失败，请检查网络后重试')
    expect(normaliseSystemName('x'.repeat(21))).toBeNull()
    expect(normaliseSystemName(' 李  四 ')).toBe('李 四')
  })
})
