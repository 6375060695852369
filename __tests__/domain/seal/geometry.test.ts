import { arcAngles, arcDegreesFor, sealGeometry, starPoints, STAR_INNER_RATIO } from '@/domain/seal/geometry'
import { sealDataUrl, sealSvg } from '@/domain/seal/svg'

const SPEC = { text: '深圳前海云签科技有限公司', purpose: '合同专用章' }

describe('seal geometry', () => {
  test('characters are evenly spaced on the arc, centred on 12 o’clock, upright to the outside', () => {
    const g = sealGeometry(SPEC, 160)
    expect(g.chars.map((c) => c.char).join('')).toBe(SPEC.text)
    const n = g.chars.length
    expect(n).toBe(12)
    const step = g.arcDegrees / (n - 1)
    g.chars.forEach((c, i) => {
      expect(c.rotation).toBeCloseTo(-g.arcDegrees / 2 + i * step, 9)
      // on the circle of textRadius around the centre
      expect(Math.hypot(c.x - 80, c.y - 80)).toBeCloseTo(g.textRadius, 9)
      // rotation equals the angle of the position (clockwise from 12 o'clock)
      const angle = (Math.atan2(c.x - 80, -(c.y - 80)) * 180) / Math.PI
      expect(angle).toBeCloseTo(c.rotation, 9)
    })
    // equal chord between neighbours
    const chords = g.chars.slice(1).map((c, i) => Math.hypot(c.x - g.chars[i].x, c.y - g.chars[i].y))
    for (const d of chords) expect(d).toBeCloseTo(chords[0], 9)
    // symmetric about the vertical axis
    expect(g.chars[0].x - 80).toBeCloseTo(-(g.chars[n - 1].x - 80), 9)
    expect(g.chars[0].y).toBeCloseTo(g.chars[n - 1].y, 9)
    // characters sit inside the ring
    expect(g.textRadius + g.chars[0].fontSize / 2).toBeLessThan(g.rings[0].r)
  })

  test('arc span grows with the name, within 90°–250°', () => {
    expect(arcDegreesFor(1)).toBe(90)
    expect(arcDegreesFor(6)).toBe(132)
    expect(arcDegreesFor(14)).toBe(250)
    expect(arcAngles(1, 200)).toEqual([0])
    expect(arcAngles(3, 100)).toEqual([-50, 0, 50])
    expect(arcAngles(0, 100)).toEqual([])
    const long = sealGeometry({ text: '上海海纳智能制造股份有限公司', purpose: '' }, 160)
    expect(long.arcDegrees).toBe(250)
    expect(long.purpose).toBeNull()
  })

  test('the star: 10 points alternating outer and inner radius, 36° apart, the first straight up', () => {
    const pts = starPoints(80, 80, 24)
    expect(pts).toHaveLength(10)
    pts.forEach(([x, y], k) => {
      const r = Math.hypot(x - 80, y - 80)
      expect(r).toBeCloseTo(k % 2 === 0 ? 24 : 24 * STAR_INNER_RATIO, 9)
      const angle = ((Math.atan2(x - 80, -(y - 80)) * 180) / Math.PI + 360) % 360
      expect(angle).toBeCloseTo((k * 36) % 360, 9)
    })
    expect(pts[0][0]).toBeCloseTo(80, 9)
    expect(pts[0][1]).toBeCloseTo(56, 9)
    expect(STAR_INNER_RATIO).toBeCloseTo(0.381966, 5)
    const g = sealGeometry(SPEC, 200)
    expect(g.star.points).toEqual(starPoints(100, 100, g.star.outerRadius))
  })

  test('scales with size; the purpose sits below the star', () => {
    const a = sealGeometry(SPEC, 100)
    const b = sealGeometry(SPEC, 300)
    expect(b.textRadius).toBeCloseTo(a.textRadius * 3, 9)
    expect(b.rings[0].r).toBeCloseTo(a.rings[0].r * 3, 9)
    b.chars.forEach((c, i) => expect(c.x).toBeCloseTo(a.chars[i].x * 3, 9))
    expect(a.purpose!.y).toBeGreaterThan(a.star.cy + a.star.outerRadius)
    expect(a.purpose!.text).toBe('合同专用章')
    expect(a.color).toBe('#d0021b')
  })

  test('SVG: ring, one <text> per character, the star polygon, the purpose; escaped; data URL', () => {
    const svg = sealSvg(SPEC, 160)
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="160" height="160"/)
    expect(svg.match(/<circle/g)).toHaveLength(1)
    expect(svg.match(/<text/g)).toHaveLength(13)
    expect(svg.match(/<polygon/g)).toHaveLength(1)
    expect(svg).toContain('>合同专用章</text>')
    expect(sealSvg({ text: 'A&B<公司>', purpose: '' })).toContain('&amp;')
    expect(sealSvg(SPEC)).toBe(svg) // deterministic
    const url = sealDataUrl(SPEC)
    expect(Buffer.from(url.split(',')[1], 'base64').toString('utf8')).toBe(svg)
  })
})
