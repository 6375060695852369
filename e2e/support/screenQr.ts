import jsQR from 'jsqr'
import type { Page } from 'playwright-core'

/** Decodes the QR code shown on the meeting screen from a screenshot of it (jsQR on the pixels). */
export async function decodeScreenQr(page: Page): Promise<string | null> {
  const png = await page.locator('[data-testid="meeting-qr"]').screenshot()
  const pixels = await page.evaluate(async (b64) => {
    const img = new Image()
    img.src = `data:image/png;base64,${b64}`
    await img.decode()
    const c = document.createElement('canvas')
    c.width = img.naturalWidth
    c.height = img.naturalHeight
    const ctx = c.getContext('2d')!
    ctx.drawImage(img, 0, 0)
    return { w: c.width, h: c.height, data: Array.from(ctx.getImageData(0, 0, c.width, c.height).data) }
  }, png.toString('base64'))
  return jsQR(Uint8ClampedArray.from(pixels.data), pixels.w, pixels.h)?.data ?? null
}
