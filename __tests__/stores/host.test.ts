import { toJS } from 'mobx'
import { utf8Bytes } from '@/domain/utf8'
import { HOST_PDF_MAX_BYTES } from '@/domain/meeting/setup'
import { ServiceError } from '@/services/errors'
import { MemoryStorage } from '@/services/storage'
import type { CreateHostedMeetingInput, HostedMeeting } from '@/services/types'
import { PdfOpenError, type OpenedPdf, type PdfRenderer, type RenderedPage } from '@/platform/pdfRenderTypes'
import { SessionStore } from '@/stores/SessionStore'
import { HostStore } from '@/stores/host/HostStore'
import { PAGE_IMAGE_MAX_BYTES, PAGE_IMAGES_MAX_BYTES } from '@/stores/host/document'
import { HOST_UPLOAD_LIMITS } from '@/services/types'

const NOW = new Date(2026, 11, 4, 10, 20).getTime()
const PDF = utf8Bytes('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n')

function page(i: number): RenderedPage {
  return { widthPt: 595, heightPt: 842, jpegBase64: `JPEG${i}`, url: `data:image/jpeg;base64,JPEG${i}` }
}

/** A renderer that opens any bytes as `pages` pages (or fails as told). */
function fakeRenderer() {
  const r = {
    pages: 3,
    failOpen: null as PdfOpenError | null,
    failPage: -1,
    /** base64 length of each drawing, by call (default: tiny) */
    sizes: [] as number[],
    calls: [] as [number, number, number | undefined][],
    opened: 0,
    closed: 0,
    async open(): Promise<OpenedPdf> {
      if (r.failOpen) throw r.failOpen
      r.opened++
      const n = r.pages
      return {
        pageCount: n,
        async renderPage(i: number, width: number, quality?: number) {
          r.calls.push([i, width, quality])
          if (i === r.failPage) throw new Error('draw failed')
          const size = r.sizes[r.calls.length - 1]
          return size ? { ...page(i), jpegBase64: 'A'.repeat(size) } : page(i)
        },
        close: () => void r.closed++
      }
    }
  }
  return r satisfies PdfRenderer
}

const started: HostedMeeting = {
  meetingId: 'MTHOST01',
  name: '2026 战略合作签约仪式',
  startsAt: NOW,
  endsAt: NOW + 7200_000,
  status: 'SIGNING',
  flowId: 'FLOW0001',
  boardKey: 'k'.repeat(16),
  screenLink: 'http://localhost/#/packages/meeting/pages/screen/index?m=MTHOST01&k=kkkkkkkkkkkkkkkk',
  signLink: 'http://localhost/s/1.S.FLOW0001.x',
  payload: '1.S.FLOW0001.x',
  invites: [],
  warnings: [],
  pageCount: 3,
  fileName: '合作协议.pdf',
  createdAt: NOW,
  cancelledAt: null
}

function setup(opts: { session?: boolean } = {}) {
  const storage = new MemoryStorage()
  const session = new SessionStore(storage, () => NOW)
  if (opts.session !== false) session.set({ token: 'tok', expiresAt: NOW + 3600_000, maskedName: '*三', maskedId: '1**7', maskedMobile: '138****8000' })
  const calls: CreateHostedMeetingInput[] = []
  const service = {
    fail: null as ServiceError | null,
    async createHostedMeeting(input: CreateHostedMeetingInput) {
      calls.push(input)
      if (service.fail) throw service.fail
      return started
    }
  }
  const renderer = fakeRenderer()
  const store = new HostStore(service, session, renderer, () => NOW)
  return { store, service, calls, renderer, session }
}

/** Waits for the background page drawing. */
async function settle() {
  for (let i = 0; i < 10; i++) await Promise.resolve()
  await new Promise((r) => setTimeout(r, 0))
}

/** A complete draft: two signers (a person, an enterprise), a 3-page PDF, fields for both. */
async function fill(store: HostStore) {
  const m = store.meeting
  m.setName('2026 战略合作签约仪式')
  const a = m.signers[0].key
  m.setSigner(a, 'name', '张三')
  m.setSigner(a, 'idNumber', '110105199003070017')
  m.setSigner(a, 'mobile', '13810008000')
  store.addSigner('ENTERPRISE')
  const b = m.signers[1].key
  m.setSigner(b, 'name', '李四')
  m.setSigner(b, 'idNumber', '11010519491231002X')
  m.setSigner(b, 'mobile', '13910002000')
  m.setSigner(b, 'company', '深圳前海云签科技有限公司')
  m.setSigner(b, 'creditCode', '9144030071526726XG')
  expect(await store.loadPdf({ name: '合作协议.pdf', bytes: PDF })).toBe(true)
  await settle()
  store.setPage(2)
  store.setActiveSigner(a)
  store.placeField('SIGN_SIGNATURE', 0.3, 0.8)
  store.setActiveSigner(b)
  store.placeField('SIGN_SEAL', 0.7, 0.8)
  return { a, b }
}

describe('HostStore: the draft', () => {
  test('starts with one personal signer (甲方) and this minute for two hours; no error shows before a try', () => {
    const { store } = setup()
    expect(store.meeting.signers).toHaveLength(1)
    expect(store.meeting.signers[0]).toMatchObject({ kind: 'PERSON', role: '甲方', order: 1 })
    expect(store.meeting.startsAtText).toBe('2026-12-04 10:20')
    expect(store.meeting.endsAtText).toBe('2026-12-04 12:20')
    expect(store.report.ok).toBe(false)
    expect(store.error('name')).toBeNull()
    expect(store.errorList).toEqual([])
  })

  test('a start later than now notes that signers can read but not sign before it; this minute has no note', () => {
    const { store } = setup()
    expect(store.laterStartNote).toBeNull()
    store.meeting.setTime('start', '2026-12-04 14:00')
    expect(store.laterStartNote).toBe('会议开始前，签署方可扫码阅读合同，开始后才能签署')
    store.meeting.setTime('start', '2026-12-04 10:00')
    expect(store.laterStartNote).toBeNull()
  })

  test('a try shows the domain rules in Chinese under each path; a typo in a time says the format', async () => {
    const { store, calls } = setup()
    store.meeting.setSigner(store.meeting.signers[0].key, 'idNumber', '110105199003070018')
    store.meeting.setTime('end', '2026-13-01 10:00')
    expect(await store.start()).toBe(false)
    expect(calls).toHaveLength(0)
    expect(store.startError).toBe('请先修改标红的内容')
    expect(store.error('name')).toBe('请填写会议名称')
    expect(store.error('signers.0.idNumber')).toMatch(/身份证/)
    expect(store.error('signers.0.mobile')).toMatch(/手机号/)
    expect(store.error('time')).toBe('请按“2026-12-04 14:00”的格式填写开始和结束时间')
    expect(store.error('document')).toBe('请上传合同 PDF')
  })

  test('signers: add an enterprise (乙方), switch kinds, remove one with its fields', async () => {
    const { store } = setup()
    const { a, b } = await fill(store)
    expect(store.meeting.signers.map((s) => s.role)).toEqual(['甲方', '乙方'])
    expect(store.fields.forSigner(b)).toHaveLength(1)
    store.removeSigner(b)
    expect(store.meeting.signers.map((s) => s.key)).toEqual([a])
    expect(store.fields.fields.map((f) => f.signerKey)).toEqual([a])
    expect(store.activeSignerKey).toBe(a)
  })

  test('observers are checked like signers', async () => {
    const { store } = setup()
    await fill(store)
    store.meeting.addObserver()
    store.meeting.setObserver(0, 'name', '王芳')
    store.meeting.setObserver(0, 'mobile', '1372806')
    await store.start()
    expect(store.error('observers.0.mobile')).toMatch(/手机号/)
    store.meeting.setObserver(0, 'mobile', '13728061234')
    expect(store.report.ok).toBe(true)
  })
})

describe('HostStore: the contract PDF', () => {
  test('a file named .pdf that is not a PDF is refused in Chinese, and nothing else changes', async () => {
    const { store, renderer } = setup()
    await fill(store)
    const before = toJS({ meeting: store.meeting.signers, fields: store.fields.fields, name: store.meeting.name })
    expect(await store.loadPdf({ name: '合同.pdf', bytes: utf8Bytes('PK\u0003\u0004 this is a zip') })).toBe(false)
    expect(store.document.error).toBe('该文件虽以 .pdf 结尾，但内容不是 PDF，请上传真正的 PDF 合同')
    expect(renderer.opened).toBe(1) // the renderer never saw it
    expect(store.document.fileName).toBe('合作协议.pdf')
    expect(store.document.pageCount).toBe(3)
    expect(toJS({ meeting: store.meeting.signers, fields: store.fields.fields, name: store.meeting.name })).toEqual(before)
  })

  test('too big, cut off, encrypted by its bytes, a password the renderer meets, a broken file, too many pages', async () => {
    const { store, renderer } = setup()
    const big = new Uint8Array(HOST_PDF_MAX_BYTES + 1)
    big.set(PDF)
    expect(await store.loadPdf({ name: 'big.pdf', bytes: big })).toBe(false)
    expect(store.document.error).toBe('合同 PDF 过大（20 MB），请上传不超过 20 MB 的文件')
    expect(await store.loadPdf({ name: 'cut.pdf', bytes: PDF.slice(0, 40) })).toBe(false)
    expect(store.document.error).toBe('该 PDF 不完整或已损坏，请重新导出后上传')
    expect(await store.loadPdf({ name: 'enc.pdf', bytes: utf8Bytes('%PDF-1.7\ntrailer << /Encrypt 5 0 R >>\n%%EOF\n') })).toBe(false)
    expect(store.document.error).toBe('该 PDF 已加密或设有密码，请上传未加密的合同文件')
    renderer.failOpen = new PdfOpenError('PASSWORD', 'x')
    expect(await store.loadPdf({ name: 'pw.pdf', bytes: PDF })).toBe(false)
    expect(store.document.error).toBe('该 PDF 已加密或设有密码，请上传未加密的合同文件')
    renderer.failOpen = new PdfOpenError('INVALID', 'x')
    expect(await store.loadPdf({ name: 'bad.pdf', bytes: PDF })).toBe(false)
    expect(store.document.error).toBe('无法读取该 PDF，文件可能已损坏，请重新导出后上传')
    renderer.failOpen = null
    renderer.pages = 201
    expect(await store.loadPdf({ name: 'long.pdf', bytes: PDF })).toBe(false)
    expect(store.document.error).toBe('合同不能超过 200 页（该文件有 201 页）')
    expect(renderer.closed).toBe(1)
    expect(store.document.loaded).toBe(false)
  })

  test('every page is drawn in turn; a page that fails can be drawn again; start waits for all', async () => {
    const { store, renderer } = setup()
    renderer.failPage = 1
    await fill(store)
    expect(store.document.renderedCount).toBe(1)
    expect(store.document.error).toBe('第 2 页无法显示，请点击“重新加载页面”或换一个文件')
    expect(store.report.errors.document).toBe(store.document.error)
    renderer.failPage = -1
    await store.document.renderMissing()
    expect(store.document.ready).toBe(true)
    expect(store.document.pages.map((p) => p?.url)).toEqual([0, 1, 2].map((i) => page(i).url))
    expect(store.report.ok).toBe(true)
  })

  test('pages are drawn smaller for long contracts; a page over 1 MB is drawn again smaller; over 24 MB in all cannot start', async () => {
    expect(PAGE_IMAGE_MAX_BYTES).toBe(HOST_UPLOAD_LIMITS.pageImageMaxBytes)
    expect(PAGE_IMAGES_MAX_BYTES).toBe(HOST_UPLOAD_LIMITS.pageImagesMaxBytes)
    const { store, renderer } = setup()
    renderer.pages = 150
    await store.loadPdf({ name: 'long.pdf', bytes: PDF })
    await settle()
    await store.document.renderMissing()
    expect(renderer.calls[0]).toEqual([0, 700, 0.6])
    expect(store.document.ready).toBe(true)

    const b = setup()
    await fill(b.store) // 3 pages: 1200 px
    expect(b.renderer.calls.map((c) => c[1])).toEqual([1200, 1200, 1200])
    const c = setup()
    // page 1 comes out at 1.5 MB, then 1.1 MB, then fits
    c.renderer.sizes = [2_000_000, 1_500_000, 1000]
    await fill(c.store)
    expect(c.renderer.calls.slice(0, 3).map(([i, w, q]) => [i, w, q])).toEqual([
      [0, 1200, 0.8],
      [0, 900, 0.6],
      [0, 660, 0.6]
    ])
    expect(c.store.document.ready).toBe(true)
    expect(c.store.report.ok).toBe(true)
    // three pages of 9 MB each (as if each had been allowed): too much in all
    c.store.document.pages = c.store.document.pages.map((p) => ({ ...p!, jpegBase64: 'A'.repeat(12_000_000) }))
    expect(c.store.report.errors.document).toBe('合同页数过多，页面图片超过 24 MB，请拆分或压缩合同后上传')
  })

  test('a shorter file replacing the contract drops the fields past its end and says so', async () => {
    const { store, renderer } = setup()
    await fill(store)
    store.setPage(0)
    store.placeField('SIGN_DATE')
    renderer.pages = 2
    expect(await store.loadPdf({ name: 'short.pdf', bytes: PDF })).toBe(true)
    expect(store.fields.fields.map((f) => f.page)).toEqual([0])
    expect(store.notice).toBe('新文件只有 2 页，已移除其后页面上的 2 个控件')
    expect(store.currentPage).toBe(0)
  })
})

describe('HostStore: fields', () => {
  test('placed for the active signer on the current page, at the type size, inside the page', async () => {
    const { store } = setup()
    const { a, b } = await fill(store)
    const [sig, seal] = store.fields.fields
    expect(sig).toMatchObject({ signerKey: a, type: 'SIGN_SIGNATURE', page: 2 })
    expect(seal).toMatchObject({ signerKey: b, type: 'SIGN_SEAL', page: 2 })
    expect(seal.w).toBeCloseTo(0.2, 6)
    expect(seal.h).toBeCloseTo(0.2 / (842 / 595), 6)
    expect(store.fields.selectedKey).toBe(seal.key)
    const edge = store.placeField('CHECK_BOX', 1, 1)!
    const box = store.fields.fields.find((f) => f.key === edge)!
    expect(box.x + box.w).toBeLessThanOrEqual(1)
    expect(box.y + box.h).toBeLessThanOrEqual(1)
  })

  test('a seal for a personal signer is refused; reassigning a seal to a person too', async () => {
    const { store } = setup()
    const { a } = await fill(store)
    store.setActiveSigner(a)
    expect(store.placeField('SIGN_PAGING_SEAL')).toBeNull()
    expect(store.fields.error).toBe('个人签署方不能使用印章控件，请先把该签署方改为企业')
    const seal = store.fields.fields.find((f) => f.type === 'SIGN_SEAL')!
    expect(store.reassignField(seal.key, a)).toBe(false)
    expect(seal.signerKey).not.toBe(a)
  })

  test('a drag applies the total offset to the start rect, clamped to the page; resize keeps the minimum', async () => {
    const { store } = setup()
    await fill(store)
    const f = store.fields.fields[0]
    const from = { x: f.x, y: f.y, w: f.w, h: f.h }
    store.fields.beginDrag(f.key, 'move')
    store.fields.dragBy(0.05, -0.1)
    store.fields.dragBy(0.1, -0.2)
    expect(f.x).toBeCloseTo(from.x + 0.1, 9)
    expect(f.y).toBeCloseTo(from.y - 0.2, 9)
    store.fields.dragBy(5, 5)
    expect(f.x).toBeCloseTo(1 - f.w, 9)
    expect(f.y).toBeCloseTo(1 - f.h, 9)
    store.fields.endDrag()
    store.fields.dragBy(-1, -1) // no drag: nothing moves
    expect(f.x).toBeCloseTo(1 - f.w, 9)
    store.fields.beginDrag(f.key, 'resize')
    store.fields.dragBy(-1, -1)
    expect(f.w).toBeCloseTo(0.02, 9)
    expect(f.h).toBeCloseTo(0.02, 9)
    store.fields.endDrag()
    store.fields.remove(f.key)
    expect(store.fields.fields.map((x) => x.key)).not.toContain(f.key)
    expect(store.fields.selectedKey).toBeNull()
  })

  test('an enterprise signer without a seal field: a warning at once, and the meeting may still start', async () => {
    const { store } = setup()
    const { b } = await fill(store)
    expect(store.warnings).toEqual([])
    const seal = store.fields.forSigner(b)[0]
    store.fields.remove(seal.key)
    store.setActiveSigner(b)
    store.placeField('SIGN_SIGNATURE')
    expect(store.warnings).toEqual(['第 2 位签署方（乙方）是企业签署方，但没有企业印章控件，将只签名不盖章'])
    expect(await store.start()).toBe(true)
  })
})

describe('HostStore: 开始会议', () => {
  test('sends the whole set-up: signers, fields by signer key, the PDF and page images, the layout', async () => {
    const { store, calls } = setup()
    const { a, b } = await fill(store)
    store.layout.setTitle('  战略签约大屏 ')
    const png = new Uint8Array([
      0x89,
      0x50,
      0x4e,
      0x47,
      0x0d,
      0x0a,
      0x1a,
      0x0a,
      0,
      0,
      0,
      13,
      0x49,
      0x48,
      0x44,
      0x52,
      ...new Array(17).fill(0),
      0,
      0,
      0,
      0,
      0x49,
      0x45,
      0x4e,
      0x44,
      0xae,
      0x42,
      0x60,
      0x82
    ])
    expect(store.layout.setImage('logo', { name: 'logo.png', bytes: png })).toBe(true)
    expect(await store.start()).toBe(true)
    expect(store.result?.meetingId).toBe('MTHOST01')
    const input = calls[0]
    expect(input.session).toBe('tok')
    expect(input.meeting).toEqual({
      name: '2026 战略合作签约仪式',
      startsAt: new Date(2026, 11, 4, 10, 20).getTime(),
      endsAt: new Date(2026, 11, 4, 12, 20).getTime()
    })
    expect(input.signers.map((s) => [s.key, s.kind, s.role])).toEqual([
      [a, 'PERSON', '甲方'],
      [b, 'ENTERPRISE', '乙方']
    ])
    expect(input.signers[1].creditCode).toBe('9144030071526726XG')
    expect(input.fields.map((f) => [f.signerKey, f.type, f.page])).toEqual([
      [a, 'SIGN_SIGNATURE', 2],
      [b, 'SIGN_SEAL', 2]
    ])
    expect(input.document.fileName).toBe('合作协议.pdf')
    expect(Buffer.from(input.document.pdfBase64, 'base64').toString('latin1')).toBe(Buffer.from(PDF).toString('latin1'))
    expect(input.document.pages).toEqual([0, 1, 2].map((i) => ({ widthPt: 595, heightPt: 842, image: page(i).url })))
    expect(input.screen).toEqual({ title: '战略签约大屏', logo: expect.stringMatching(/^data:image\/png;base64,iVBORw0KGgo/), background: null })
  })

  test('a network failure keeps the whole draft and says so; a second try goes through', async () => {
    const { store, service, calls } = setup()
    await fill(store)
    store.meeting.addObserver()
    store.meeting.setObserver(0, 'name', '王芳')
    store.meeting.setObserver(0, 'mobile', '13728061234')
    const snapshot = () =>
      toJS({
        meeting: {
          name: store.meeting.name,
          s: store.meeting.startsAtText,
          e: store.meeting.endsAtText,
          signers: store.meeting.signers,
          observers: store.meeting.observers
        },
        doc: { name: store.document.fileName, pages: store.document.pages, bytes: store.document.bytes },
        fields: store.fields.fields,
        layout: { title: store.layout.title, logo: store.layout.logo }
      })
    const before = snapshot()
    service.fail = new ServiceError('NETWORK_ERROR', '网络连接失败，请检查网络后重试')
    expect(await store.start()).toBe(false)
    expect(store.startError).toBe('网络连接失败，请检查网络后重试')
    expect(store.starting).toBe(false)
    expect(store.result).toBeNull()
    expect(snapshot()).toEqual(before)
    service.fail = null
    expect(await store.start()).toBe(true)
    expect(calls).toHaveLength(2)
    expect(calls[1]).toEqual(calls[0])
    // 发起新的会议: a blank draft
    store.startOver()
    expect(store.result).toBeNull()
    expect(store.meeting.name).toBe('')
    expect(store.meeting.signers).toHaveLength(1)
    expect(store.meeting.observers).toEqual([])
    expect(store.document.loaded).toBe(false)
    expect(store.fields.fields).toEqual([])
    expect(store.layout.logo).toBeNull()
    expect(store.activeSignerKey).toBe(store.meeting.signers[0].key)
    expect(store.error('name')).toBeNull()
  })

  test('an expired session signs the host out but keeps the draft; the backend’s rule errors are listed', async () => {
    const { store, service, session } = setup()
    await fill(store)
    service.fail = new ServiceError('SESSION_EXPIRED', '登录已过期')
    expect(await store.start()).toBe(false)
    expect(session.active).toBeNull()
    expect(store.verified).toBe(false)
    expect(store.startError).toBe('登录已过期，请重新完成实名认证；会议内容已保留')
    expect(store.meeting.name).toBe('2026 战略合作签约仪式')
    expect(store.fields.fields).toHaveLength(2)
    expect(await store.start()).toBe(false)
    expect(store.startError).toBe('请先完成实名认证')

    session.set({ token: 'tok2', expiresAt: NOW + 3600_000, maskedName: '*三', maskedId: '1**7', maskedMobile: '138****8000' })
    service.fail = new ServiceError('MEETING_SETUP_INVALID', '会议设置有误', { errors: { 'signers.1.idNumber': '身份证号与姓名不一致' } })
    expect(await store.start()).toBe(false)
    expect(store.startError).toBe('会议设置有误：身份证号与姓名不一致')
  })

  test('a screen picture that is not PNG or JPG is refused and the previous one stays', () => {
    const { store } = setup()
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 0xff, 0xd9])
    expect(store.layout.setImage('background', { name: 'bg.jpg', bytes: jpeg })).toBe(true)
    expect(store.layout.setImage('background', { name: 'bg.gif', bytes: utf8Bytes('GIF89a....') })).toBe(false)
    expect(store.layout.errors.background).toBe('文件格式不支持，请上传 PNG、JPG 格式的文件')
    expect(store.layout.background?.dataUrl).toMatch(/^data:image\/jpeg;base64,/)
  })
})
