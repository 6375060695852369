import type { ImageCanvasFactory, PngImage } from './host'
import { drawAll, planExport, type ExportOptions } from './render'
import { alphaBounds, normaliseSystemName, systemTextLayout, trimPlan } from './system'
import type { SignatureData } from './types'

/**
 * Image export, written against an injected canvas factory so that WeChat (offscreen
 * Canvas 2D), H5 (a detached <canvas>) and tests share it.
 */

/** Trimmed, transparent PNG of the handwriting (render.ts planExport); null when empty. */
export async function exportHandwriting(
  data: SignatureData,
  canvasFor: ImageCanvasFactory,
  color: string,
  opts: Partial<ExportOptions> = {}
): Promise<PngImage | null> {
  const plan = planExport(data, opts)
  if (!plan) return null
  const canvas = canvasFor(plan.width, plan.height)
  if (!canvas) throw new Error('no canvas for the signature image')
  drawAll(canvas.ctx, plan.strokes, color)
  return { png: await canvas.toPng(), width: plan.width, height: plan.height }
}

export class SystemSignatureError extends Error {}

/**
 * The name set in regular script, black on transparent, trimmed to the glyphs plus a margin
 * and scaled so the longer side is at most maxSide. Two passes: one to find where the glyphs
 * land (pixel scan, exact for any font the device picks), one to draw them trimmed.
 */
export async function renderSystemSignature(
  name: string,
  canvasFor: ImageCanvasFactory,
  opts: { color?: string; maxSide?: number; margin?: number } = {}
): Promise<PngImage> {
  const text = normaliseSystemName(name)
  if (!text) throw new SystemSignatureError('姓名为空或过长，无法生成系统签名')
  const color = opts.color ?? '#000000'
  const layout = systemTextLayout(text)
  const draw = (c: NonNullable<ReturnType<ImageCanvasFactory>>) => {
    c.ctx.font = layout.font
    c.ctx.textBaseline = 'middle'
    c.ctx.textAlign = 'left'
    c.ctx.fillStyle = color
    c.ctx.fillText(text, layout.x, layout.y)
  }
  const probe = canvasFor(layout.canvasWidth, layout.canvasHeight)
  if (!probe) throw new SystemSignatureError('当前环境无法生成系统签名')
  draw(probe)
  const pixels = probe.ctx.getImageData(0, 0, layout.canvasWidth, layout.canvasHeight).data
  const box = alphaBounds(pixels, layout.canvasWidth, layout.canvasHeight)
  if (!box) throw new SystemSignatureError('系统签名生成失败，请改用手写签名')
  const plan = trimPlan(box, opts.margin ?? Math.round(layout.fontPx * 0.08), opts.maxSide ?? 600)
  const out = canvasFor(plan.width, plan.height)
  if (!out) throw new SystemSignatureError('当前环境无法生成系统签名')
  out.ctx.scale(plan.scale, plan.scale)
  out.ctx.translate(plan.dx, plan.dy)
  draw(out)
  return { png: await out.toPng(), width: plan.width, height: plan.height }
}
