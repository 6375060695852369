import type { ImageCanvasFactory, PngImage } from './host'
import { drawAll, planExport, type ExportOptions } from './render'
import { fillContours, loadGlyphs, placeText, type KaiShardLoader } from './glyphs'
import { normaliseSystemName, SYSTEM_EM_PX } from './system'
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
 * The name set in regular script from the font outlines (glyphs.ts), black on transparent,
 * trimmed to the ink plus a margin and scaled so the longer side is at most maxSide. The ink
 * box comes from the outlines themselves, so no pixels are read back.
 */
export async function renderSystemSignature(
  name: string,
  canvasFor: ImageCanvasFactory,
  loadShard: KaiShardLoader,
  opts: { color?: string; maxSide?: number; margin?: number } = {}
): Promise<PngImage> {
  const text = normaliseSystemName(name)
  if (!text) throw new SystemSignatureError('姓名为空或过长，无法生成系统签名')
  let lookup: Awaited<ReturnType<typeof loadGlyphs>>
  try {
    lookup = await loadGlyphs(text, loadShard)
  } catch {
    throw new SystemSignatureError('系统签名字体加载失败，请检查网络后重试')
  }
  if (lookup.missing.length) {
    throw new SystemSignatureError(`姓名中的“${lookup.missing.join('')}”暂不支持系统签名，请改用手写签名`)
  }
  const placed = placeText(text, lookup.glyphs, SYSTEM_EM_PX, opts.margin ?? Math.round(SYSTEM_EM_PX * 0.08))
  if (!placed) throw new SystemSignatureError('系统签名生成失败，请改用手写签名')
  const scale = Math.min(1, (opts.maxSide ?? 600) / Math.max(placed.width, placed.height))
  const width = Math.max(1, Math.ceil(placed.width * scale))
  const height = Math.max(1, Math.ceil(placed.height * scale))
  const out = canvasFor(width, height)
  if (!out) throw new SystemSignatureError('当前环境无法生成系统签名')
  fillContours(out.ctx, placed.contours, opts.color ?? '#000000', scale)
  return { png: await out.toPng(), width, height }
}
