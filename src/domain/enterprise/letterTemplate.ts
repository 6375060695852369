/**
 * The authorization letter template (企业超级管理员授权书): its text, and a one-page PDF of
 * it built by hand (no PDF library). The PDF uses the standard Adobe CJK font STSong-Light with
 * the UniGB-UCS2-H encoding, which PDF viewers provide themselves, so nothing is embedded and
 * the file stays a few KB. Text is written as UCS-2 hex strings; the file is pure ASCII.
 */

export interface LetterInfo {
  enterpriseName: string
  creditCode: string
  legalRepresentative: string
  /** The administrator's name (their ID and mobile are written in by hand) */
  adminName: string
}

export interface LetterLine {
  text: string
  size: number
  /** Extra space before the line, in points */
  gap?: number
  center?: boolean
}

export const LETTER_TEMPLATE_FILE_NAME = '企业超级管理员授权书.pdf'

export function letterTemplateLines(info: LetterInfo): LetterLine[] {
  const body = 12
  return [
    { text: '企业超级管理员授权书', size: 20, center: true },
    { text: 'InkSeal 电子签：', size: body, gap: 24 },
    {
      text: `兹授权 ${info.adminName}（身份证号：____________________，手机号：______________）为本单位在 InkSeal 电子签的超级管理员，代表本单位办理企业认证，管理企业印章、员工与合同，并以本单位名义发起和签署电子合同。`,
      size: body,
      gap: 8
    },
    { text: '本单位对超级管理员在授权范围内的操作承担相应的法律责任。授权期限自本授权书签署之日起至本单位书面撤销之日止。', size: body, gap: 8 },
    { text: `单位名称：${info.enterpriseName}`, size: body, gap: 24 },
    { text: `统一社会信用代码：${info.creditCode}`, size: body, gap: 8 },
    { text: `法定代表人（负责人）：${info.legalRepresentative}`, size: body, gap: 8 },
    { text: '法定代表人（负责人）签字：____________________', size: body, gap: 32 },
    { text: '单位公章：', size: body, gap: 40 },
    { text: '日期：________年____月____日', size: body, gap: 64 },
    { text: '说明：请打印本授权书，由法定代表人（负责人）签字并加盖单位公章后，拍照或扫描上传（JPG、PNG 或 PDF，不超过 8 MB）。', size: 10, gap: 48 }
  ]
}

/** Width of a character in ems: ASCII is half width in STSong-Light's Roman range. */
function charWidth(c: string): number {
  return c.charCodeAt(0) < 0x80 ? 0.5 : 1
}

function wrap(text: string, size: number, maxWidth: number): string[] {
  const lines: string[] = []
  let line = ''
  let w = 0
  for (const c of Array.from(text)) {
    const cw = charWidth(c) * size
    if (w + cw > maxWidth && line) {
      lines.push(line)
      line = ''
      w = 0
    }
    line += c
    w += cw
  }
  if (line) lines.push(line)
  return lines
}

function ucs2Hex(s: string): string {
  let out = ''
  for (let i = 0; i < s.length; i++) out += s.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0')
  return `<${out}>`
}

function asciiBytes(s: string): Uint8Array {
  const out = new Uint8Array(s.length)
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i) & 0x7f
  return out
}

const PAGE_W = 595
const PAGE_H = 842
const MARGIN = 72

/** The template as a PDF (A4, one page). */
export function letterTemplatePdf(info: LetterInfo): Uint8Array {
  const maxWidth = PAGE_W - MARGIN * 2
  let y = PAGE_H - MARGIN
  const ops: string[] = ['BT']
  for (const l of letterTemplateLines(info)) {
    y -= l.gap ?? 0
    for (const part of wrap(l.text, l.size, maxWidth)) {
      y -= l.size * 1.5
      const width = Array.from(part).reduce((s, c) => s + charWidth(c) * l.size, 0)
      const x = l.center ? (PAGE_W - width) / 2 : MARGIN
      ops.push(`/F1 ${l.size} Tf 1 0 0 1 ${x.toFixed(1)} ${y.toFixed(1)} Tm ${ucs2Hex(part)} Tj`)
    }
  }
  ops.push('ET')
  const content = ops.join('\n')

  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE_W} ${PAGE_H}] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>`,
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>',
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor 7 0 R /DW 1000 /W [1 95 500] >>',
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
    `<< /Title ${ucs2HexTitle('企业超级管理员授权书')} /Producer (InkSeal) >>`
  ]
  let pdf = '%PDF-1.4\n'
  const offsets: number[] = []
  objects.forEach((body, i) => {
    offsets.push(pdf.length)
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`
  })
  const xref = pdf.length
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`
  for (const o of offsets) pdf += `${String(o).padStart(10, '0')} 00000 n \n`
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info ${objects.length} 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return asciiBytes(pdf)
}

/** A PDF text string in UTF-16BE with its byte-order mark, as hex. */
function ucs2HexTitle(s: string): string {
  return `<FEFF${ucs2Hex(s).slice(1, -1)}>`
}
