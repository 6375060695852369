/**
 * 签署报告: the page appended to a contract's PDF of record: what was signed (title, number,
 * the original document's SHA-256 and that of the stamped pages), and for each signer (masked)
 * when, how they signed and how they confirmed their intent.
 */
import { rgb, type PDFDocument, type PDFPage } from 'pdf-lib'
import { drawText, textWidth, wrapText, type GlyphMap, type OutlineFonts } from './text'

export interface ReportSigner {
  /** masked, e.g. 张* */
  name: string
  /** how the identity was checked, masked, e.g. 实名认证 + 人脸核验 · 手机 138****8000 */
  identity: string
  /** enterprise signers: the company */
  organization?: string
  /** 手写签名 / 系统签名 / 企业印章 … */
  method: string
  /** 短信验证码 / 人脸识别 / 签署密码 */
  intent: string
  /** formatted time, e.g. 2026-12-04 18:02:11 */
  signedAt: string
}

export interface SigningReport {
  title: string
  flowId: string
  initiator: string
  completedAt: string
  /** SHA-256 (hex) of the document as the initiator uploaded it */
  originalSha256: string
  /** SHA-256 (hex) of the pages with every field stamped, before this report and the signature */
  stampedSha256: string
  signers: ReportSigner[]
}

const A4: [number, number] = [595.28, 841.89]
const MARGIN = 56
const INK = rgb(0.1, 0.1, 0.12)
const MUTED = rgb(0.42, 0.45, 0.5)
const RULE = rgb(0.8, 0.82, 0.86)

type Op =
  | { op: 'line'; text: string; size: number; muted?: boolean; gap?: number }
  | { op: 'labelled'; label: string; value: string; size?: number }
  | { op: 'rule'; gap?: number }

const FOOTER = '本报告由 InkSeal 电子签（沙箱）生成。文件签署后的任何改动都会使数字签名失效，可在“合同验签”中核验。'
const pageLabel = (p: number, total: number) => `签署报告 第 ${p} 页 共 ${total} 页`

/** What the report says, in order. */
function reportOps(r: SigningReport): Op[] {
  return [
    { op: 'line', text: '签署报告', size: 22, gap: 10 },
    { op: 'labelled', label: '合同名称：', value: r.title },
    { op: 'labelled', label: '合同编号：', value: r.flowId },
    { op: 'labelled', label: '发起方：', value: r.initiator },
    { op: 'labelled', label: '完成时间：', value: r.completedAt },
    { op: 'labelled', label: '原文件 SHA-256：', value: r.originalSha256, size: 9.5 },
    { op: 'labelled', label: '盖章后 SHA-256：', value: r.stampedSha256, size: 9.5 },
    { op: 'rule' },
    ...r.signers.flatMap((s, i): Op[] => [
      { op: 'line', text: `${i + 1}. ${s.name}${s.organization ? `（${s.organization}）` : '（个人）'}`, size: 12, gap: 2 },
      { op: 'labelled', label: '身份核验：', value: s.identity },
      { op: 'labelled', label: '签署方式：', value: s.method },
      { op: 'labelled', label: '意愿认证：', value: s.intent },
      { op: 'labelled', label: '签署时间：', value: s.signedAt },
      { op: 'rule', gap: 8 }
    ]),
    { op: 'line', text: FOOTER, size: 9, muted: true }
  ]
}

/** Every string the report draws (to load their outlines first). */
export function reportTexts(r: SigningReport): string[] {
  const texts = reportOps(r).flatMap((o) => (o.op === 'line' ? [o.text] : o.op === 'labelled' ? [o.label, o.value || '—'] : []))
  // the stamped document's hash is known only after stamping (the report carries a placeholder
  // then), so every hex digit is asked for: a hash with a 'b' would otherwise miss its outline
  return [...texts, pageLabel(1234567890, 1234567890), '0123456789abcdef']
}

class Writer {
  page: PDFPage
  y: number
  pages = 1
  private readonly glyphs: GlyphMap
  constructor(
    private doc: PDFDocument,
    private fonts: OutlineFonts
  ) {
    this.glyphs = fonts.glyphs
    this.page = doc.addPage(A4)
    this.y = A4[1] - MARGIN
  }

  private ensure(h: number): void {
    if (this.y - h >= MARGIN + 24) return
    this.page = this.doc.addPage(A4)
    this.pages++
    this.y = A4[1] - MARGIN
  }

  line(text: string, size: number, opts: { color?: typeof INK; indent?: number; gap?: number } = {}): void {
    const width = A4[0] - 2 * MARGIN - (opts.indent ?? 0)
    for (const l of wrapText(text, this.glyphs, size, width)) {
      this.ensure(size * 1.5)
      this.y -= size * 1.25
      drawText(this.page, l, this.fonts, { x: MARGIN + (opts.indent ?? 0), y: this.y, size, color: opts.color ?? INK })
      this.y -= size * 0.25
    }
    this.y -= opts.gap ?? 0
  }

  labelled(label: string, value: string, size = 10.5): void {
    const lw = textWidth(label, this.glyphs, size) + 8
    const width = A4[0] - 2 * MARGIN - lw
    wrapText(value || '—', this.glyphs, size, width).forEach((l, i) => {
      this.ensure(size * 1.5)
      this.y -= size * 1.25
      if (i === 0) drawText(this.page, label, this.fonts, { x: MARGIN, y: this.y, size, color: MUTED })
      drawText(this.page, l, this.fonts, { x: MARGIN + lw, y: this.y, size, color: INK })
      this.y -= size * 0.35
    })
  }

  rule(gap = 10): void {
    this.ensure(gap * 2)
    this.y -= gap
    this.page.drawLine({ start: { x: MARGIN, y: this.y }, end: { x: A4[0] - MARGIN, y: this.y }, thickness: 0.6, color: RULE })
    this.y -= gap
  }
}

/** Appends the report (one page, more when there are many signers); returns its page count. */
export function appendReport(doc: PDFDocument, r: SigningReport, fonts: OutlineFonts): number {
  const first = doc.getPageCount()
  const w = new Writer(doc, fonts)
  for (const o of reportOps(r)) {
    if (o.op === 'line') w.line(o.text, o.size, { gap: o.gap, color: o.muted ? MUTED : INK })
    else if (o.op === 'labelled') w.labelled(o.label, o.value, o.size)
    else w.rule(o.gap)
  }
  const total = doc.getPageCount() - first
  for (let p = 0; p < total; p++) {
    drawText(doc.getPage(first + p), pageLabel(p + 1, total), fonts, { x: MARGIN, y: MARGIN - 20, size: 8, color: MUTED })
  }
  return total
}
