/**
 * Helpers for the host console tests: a multi-page PDF made with pdf-lib (pages of different
 * sizes, so that a re-rendered document could not pass for the original), small real PNG page
 * images (src/domain/enterprise/png.ts), and a valid createHostedMeeting input.
 */
import { PDFDocument, StandardFonts } from 'pdf-lib'
import { encodePng } from '@/domain/enterprise/png'
import type { CreateHostedMeetingInput, HostFieldInput, SignerDraft } from '@/services/types'
import { DEMO_ENTERPRISES, DEMO_PEOPLE, type DemoPersonKey } from '@sandbox'
import { T0 } from './signing.helpers'

/** US Letter, A4 portrait, A4 landscape: the sizes of the fixture's pages. */
export const FIXTURE_SIZES: [number, number][] = [
  [612, 792],
  [595, 842],
  [842, 595]
]

export async function makePdf(sizes: [number, number][] = FIXTURE_SIZES): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  const font = await doc.embedFont(StandardFonts.Helvetica)
  sizes.forEach(([w, h], i) => {
    const page = doc.addPage([w, h])
    page.drawText(`Hosted contract, page ${i + 1}`, { x: 50, y: h - 80, size: 18, font })
  })
  return doc.save()
}

/** A small real PNG (palette), different per `seed`. */
export function pagePng(seed: number, w = 40, h = 52): Uint8Array {
  const pixels = new Uint8Array(w * h).map((_, i) => ((i * (seed + 3)) % 7 === 0 ? 1 : 0))
  return encodePng({
    width: w,
    height: h,
    format: 'palette',
    pixels,
    palette: [
      [255, 255, 255],
      [20, 20, 20]
    ]
  })
}

export const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64')

export function personSigner(key: string, who: DemoPersonKey, role: string, order = 1): SignerDraft {
  const p = DEMO_PEOPLE[who]
  return { key, kind: 'PERSON', name: p.name, idNumber: p.idNumber, mobile: p.mobile, role, order }
}

export function enterpriseSigner(key: string, who: DemoPersonKey, role: string, order = 1): SignerDraft {
  const p = DEMO_PEOPLE[who]
  const e = DEMO_ENTERPRISES.YUNQIAN
  return { key, kind: 'ENTERPRISE', name: p.name, idNumber: p.idNumber, mobile: p.mobile, company: e.name, creditCode: e.creditCode, role, order }
}

export function field(key: string, signerKey: string, type: HostFieldInput['type'], page: number, x = 0.1, y = 0.7): HostFieldInput {
  return { key, signerKey, type, page, x, y, w: 0.25, h: 0.08 }
}

/** 张三 (甲方) and 李四 (乙方) sign a 3-page PDF; 吴昊 observes; the screen has a logo. */
export async function hostInput(session: string, pdf?: Uint8Array): Promise<CreateHostedMeetingInput> {
  const bytes = pdf ?? (await makePdf())
  return {
    session,
    meeting: { name: '2026 战略合作签约仪式', startsAt: T0, endsAt: T0 + 4 * 3600_000 },
    signers: [personSigner('a', 'ZHANG_SAN', '甲方'), personSigner('b', 'LI_SI', '乙方')],
    observers: [{ name: DEMO_PEOPLE.WU_HAO.name, mobile: DEMO_PEOPLE.WU_HAO.mobile }],
    document: {
      fileName: '战略合作协议.pdf',
      pdfBase64: b64(bytes),
      pages: FIXTURE_SIZES.map(([w, h], i) => ({ widthPt: w, heightPt: h, image: `data:image/png;base64,${b64(pagePng(i))}` }))
    },
    fields: [
      field('f1', 'a', 'SIGN_SIGNATURE', 2, 0.1),
      field('f2', 'a', 'SIGN_DATE', 2, 0.1, 0.82),
      field('f3', 'b', 'SIGN_SIGNATURE', 2, 0.6),
      field('f4', 'b', 'CHECK_BOX', 0, 0.1, 0.5)
    ],
    screen: { title: '战略合作签约', logo: `data:image/png;base64,${b64(pagePng(9, 16, 16))}` }
  }
}
