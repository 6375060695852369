/**
 * The host console's backend (sandbox/host): a verified person sets up a meeting from an
 * uploaded PDF; phones join through the screen's link, read the host's page images and sign;
 * the board shows progress; the PDF of record stamps the uploaded PDF. Everything is checked
 * again on the backend, and the sandbox never signs for a hosted flow's signers.
 */
import { degrees, PDFDocument } from 'pdf-lib'
import { parsePayload } from '@/domain/entryLink'
import { MemoryStorage } from '@/services/storage'
import type { CreateHostedMeetingInput } from '@/services/types'
import { createSandbox } from '@sandbox'
import { b64, enterpriseSigner, field, FIXTURE_SIZES, hostInput, makePdf, pagePng, personSigner } from './host.helpers'
import { expectError, faceIntent, login, makePng, MINUTE, readAll, SECOND, setup, svgOf, T0, valuesFor, type Env } from './signing.helpers'

/** The flow and link token in a screen QR's payload. */
function decodePayload(payload: string) {
  const p = parsePayload(payload, T0)
  if (!p.ok) return { ok: false as const, message: p.error.message }
  return { ok: true as const, value: { id: p.payload.id, token: p.payload.token } }
}

async function phoneSigns(env: Env, who: 'ZHANG_SAN' | 'LI_SI', payload: string) {
  const p = decodePayload(payload)
  if (!p.ok) throw new Error(p.message)
  const session = await login(env, who)
  const o = await env.sb.joinFlow({ session, flowId: p.value.id, linkToken: p.value.token })
  const contract = await readAll(env, session, p.value.id)
  const intentToken = await faceIntent(env, session, p.value.id)
  const values = valuesFor(contract, o.mySignerId, { png: makePng(200, 80, who === 'LI_SI' ? 2 : 1) })
  return env.sb.submitSigning({ session, flowId: p.value.id, signerId: o.mySignerId, intentToken, idempotencyKey: `host-${who}`, values })
}

describe('createHostedMeeting', () => {
  test('a meeting from an uploaded PDF: invites, the screen, image pages, signing, the PDF of record', async () => {
    const env = setup()
    const host = await login(env, 'WU_HAO')
    const input = await hostInput(host)
    const m = await env.sb.createHostedMeeting(input)
    expect(m).toMatchObject({ name: '2026 战略合作签约仪式', status: 'SIGNING', pageCount: 3, fileName: '战略合作协议.pdf', cancelledAt: null })
    expect(m.screenLink).toContain(`m=${m.meetingId}&k=${m.boardKey}`)
    expect(m.invites.map((x) => x.to)).toEqual(['SIGNER', 'SIGNER', 'OBSERVER'])

    // SMS invites with the signing link, to masked numbers
    const outbox = env.sb.dev.listSmsOutbox()
    for (const inv of m.invites) {
      const sms = outbox.find((x) => x.id === inv.smsId)!
      expect(sms.to).toBe(inv.maskedMobile)
      expect(sms.text).toContain(m.signLink)
    }
    expect(outbox.find((x) => x.id === m.invites[1].smsId)!.text).toContain('乙方')

    // the screen: the layout and the flow with nobody signed yet
    let board = await env.sb.getMeetingBoard({ meetingId: m.meetingId, boardKey: m.boardKey })
    expect(board.layout).toEqual({ title: '战略合作签约', logo: input.screen!.logo, background: null })
    expect(board.flows).toHaveLength(1)
    expect(board.flows[0].signLink).toBe(m.signLink)
    expect(board.flows[0].signedCount).toBe(0)

    // a phone: the contract shows the host's pages (their image), sizes and fields
    const p = decodePayload(m.payload)
    if (!p.ok) throw new Error(p.message)
    const resolved = await env.sb.resolveEntry({ flowId: p.value.id, linkToken: p.value.token })
    expect(resolved.flow.meetingName).toBe('2026 战略合作签约仪式')
    const zhang = await login(env, 'ZHANG_SAN')
    await env.sb.joinFlow({ session: zhang, flowId: m.flowId, linkToken: p.value.token })
    const contract = await env.sb.getContract({ session: zhang, flowId: m.flowId })
    expect(contract.title).toBe('战略合作协议')
    expect(contract.pages.map((x) => [x.width, x.height])).toEqual(FIXTURE_SIZES)
    expect(contract.fields.map((f) => [f.type, f.page])).toEqual([
      ['SIGN_SIGNATURE', 2],
      ['SIGN_DATE', 2],
      ['SIGN_SIGNATURE', 2],
      ['CHECK_BOX', 0]
    ])
    expect(contract.fields[0].label).toBe('甲方签名')
    const pages = await env.sb.getContractPages({ session: zhang, flowId: m.flowId, from: 0, count: 3 })
    pages.pages.forEach((pg, i) => {
      const svg = svgOf(pg.src)
      expect(svg).toContain(`data:image/png;base64,${b64(pagePng(i))}`)
      expect(svg).toContain(`width="${FIXTURE_SIZES[i][0]}"`)
    })

    // both sign; the board follows
    env.advance(MINUTE + SECOND) // (a new SMS code for 张三)
    await phoneSigns(env, 'ZHANG_SAN', m.payload)
    board = await env.sb.getMeetingBoard({ meetingId: m.meetingId, boardKey: m.boardKey })
    expect(board.flows[0].signedCount).toBe(1)
    expect(board.allSigned).toBe(false)
    const done = await phoneSigns(env, 'LI_SI', m.payload)
    expect(done.flowStatus).toBe('COMPLETED')
    board = await env.sb.getMeetingBoard({ meetingId: m.meetingId, boardKey: m.boardKey })
    expect(board.allSigned).toBe(true)
    expect((await env.sb.getHostedMeeting({ session: host, meetingId: m.meetingId })).status).toBe('COMPLETED')

    // the PDF of record is the uploaded PDF, stamped, plus the report
    const doc = await env.sb.getContractDocument({ session: zhang, flowId: m.flowId })
    expect(doc.signed).toBe(true)
    const pdf = await PDFDocument.load(Buffer.from(doc.pdfBase64, 'base64'))
    expect(pdf.getPageCount()).toBe(doc.pageCount)
    expect(doc.pageCount).toBeGreaterThan(3)
    const sizes = pdf
      .getPages()
      .slice(0, 3)
      .map((pg) => [pg.getSize().width, pg.getSize().height])
    expect(sizes).toEqual(FIXTURE_SIZES)
  })

  test('a page with /Rotate is taken unrotated: its image and fields, and the PDF of record keeps the rotation', async () => {
    const env = setup()
    const host = await login(env, 'WU_HAO')
    const doc = await PDFDocument.load(await makePdf())
    doc.getPage(2).setRotation(degrees(90))
    const input = await hostInput(host, await doc.save())
    const m = await env.sb.createHostedMeeting(input)
    expect(m.pageCount).toBe(3)
    env.advance(MINUTE + SECOND)
    const zhang = await phoneSigns(env, 'ZHANG_SAN', m.payload)
    expect(zhang.signerStatus).toBe('SIGNED')
    const session = await login(env, 'LI_SI')
    const p = decodePayload(m.payload)
    if (!p.ok) throw new Error(p.message)
    await env.sb.joinFlow({ session, flowId: m.flowId, linkToken: p.value.token })
    const out = await PDFDocument.load(Buffer.from((await env.sb.getContractDocument({ session, flowId: m.flowId })).pdfBase64, 'base64'))
    expect(out.getPage(2).getRotation().angle).toBe(90)
    expect(out.getPage(2).getSize()).toEqual({ width: FIXTURE_SIZES[2][0], height: FIXTURE_SIZES[2][1] })
  })

  test('an enterprise signer without a seal field is allowed, with a warning', async () => {
    const env = setup()
    const host = await login(env, 'WU_HAO')
    const input = await hostInput(host)
    input.signers[1] = enterpriseSigner('b', 'WANG_FANG', '乙方')
    const m = await env.sb.createHostedMeeting(input)
    expect(m.warnings).toHaveLength(1)
    expect(m.warnings[0]).toContain('没有企业印章控件')
  })

  test('the host reads and lists their meetings; another person may not; cancelling closes the flow', async () => {
    const env = setup()
    const host = await login(env, 'WU_HAO')
    const m = await env.sb.createHostedMeeting(await hostInput(host))
    expect((await env.sb.listHostedMeetings({ session: host })).map((x) => x.meetingId)).toEqual([m.meetingId])
    const other = await login(env, 'CHEN_CHEN')
    expect(await env.sb.listHostedMeetings({ session: other })).toEqual([])
    await expectError(env.sb.getHostedMeeting({ session: other, meetingId: m.meetingId }), 'FORBIDDEN')
    await expectError(env.sb.cancelHostedMeeting({ session: host, meetingId: m.meetingId, reason: '' }), 'INVALID_INPUT')
    const c = await env.sb.cancelHostedMeeting({ session: host, meetingId: m.meetingId, reason: '会议改期' })
    expect(c.status).toBe('CANCELLED')
    const board = await env.sb.getMeetingBoard({ meetingId: m.meetingId, boardKey: m.boardKey })
    expect(board.flows[0].status).toBe('CANCELLED')
  })

  test('state stays small: the PDF and the images are blobs, not persisted JSON', async () => {
    const storage = new MemoryStorage()
    const env = setup({ storage })
    const host = await login(env, 'WU_HAO')
    const input = await hostInput(host)
    await env.sb.createHostedMeeting(input)
    const persisted = [...storage.data.values()].join('')
    expect(persisted).not.toContain(input.document.pdfBase64.slice(0, 200))
    expect(persisted).not.toContain(b64(pagePng(0)).slice(0, 60))
  })
})

describe('createHostedMeeting refuses', () => {
  let env: Env
  let input: CreateHostedMeetingInput
  beforeEach(async () => {
    env = setup()
    input = await hostInput(await login(env, 'WU_HAO'))
  })

  const refused = async (code: Parameters<typeof expectError>[1]) => {
    const e = await expectError(env.sb.createHostedMeeting(input), code)
    expect(env.sb.dev.listMeetings().some((m) => m.name === input.meeting.name)).toBe(false)
    return e
  }

  test('a session that is not a verified person', async () => {
    input.session = 'not-a-session'
    await refused('SESSION_INVALID')
  })

  test('a file named .pdf that is not a PDF', async () => {
    input.document.pdfBase64 = b64(pagePng(1))
    const e = await refused('FILE_TYPE_NOT_ALLOWED')
    expect(e.message).toContain('不是 PDF')
  })

  test('a PDF that does not open', async () => {
    input.document.pdfBase64 = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage\n%%EOF\n').toString('base64')
    await refused('FILE_DAMAGED')
  })

  test('a PDF over 20 MB', async () => {
    input.document.pdfBase64 = 'A'.repeat(Math.ceil((21 * 1024 * 1024 * 4) / 3))
    const e = await refused('FILE_TOO_LARGE')
    expect(e.details.maxBytes).toBe(20 * 1024 * 1024)
  })

  test('more than 200 pages', async () => {
    const sizes = Array.from({ length: 201 }, (): [number, number] => [595, 842])
    input.document.pdfBase64 = b64(await makePdf(sizes))
    const img = `data:image/png;base64,${b64(pagePng(0))}`
    input.document.pages = sizes.map(() => ({ widthPt: 595, heightPt: 842, image: img }))
    const e = await refused('MEETING_SETUP_INVALID')
    expect(e.message).toContain('200 页')
  })

  test('page images that do not match the PDF', async () => {
    input.document.pages = input.document.pages.slice(0, 2)
    input.fields = input.fields.map((f) => ({ ...f, page: 0 }))
    const e = await refused('MEETING_SETUP_INVALID')
    expect(e.message).toContain('3 页')
    input.document.pages = (await hostInput(input.session)).document.pages
    input.document.pages[1] = { ...input.document.pages[1], widthPt: 842, heightPt: 595 }
    expect((await refused('MEETING_SETUP_INVALID')).message).toContain('第 2 页的尺寸')
  })

  test('a page image missing, or not an image', async () => {
    input.document.pages[1] = { ...input.document.pages[1], image: '' }
    const e = await refused('FILE_TYPE_NOT_ALLOWED')
    expect(e.message).toContain('第 2 页')
    expect(e.details.page).toBe(1)
    input.document.pages[1] = { ...input.document.pages[1], image: input.document.pdfBase64 }
    expect((await refused('FILE_TYPE_NOT_ALLOWED')).message).toContain('不是 PNG 或 JPG')
  })

  test('a field outside its page, or on a page that does not exist', async () => {
    input.fields[0] = { ...input.fields[0], x: 0.9 }
    const e = await refused('MEETING_SETUP_INVALID')
    expect(e.message).toContain('第 3 页的签名控件')
    expect((e.details.errors as Record<string, string>)['fields.f1']).toBeTruthy()
    input.fields[0] = { ...input.fields[0], x: 0.1, page: 3 }
    expect((await refused('MEETING_SETUP_INVALID')).message).toContain('页不存在')
  })

  test('a signer without a place to sign', async () => {
    input.fields = input.fields.filter((f) => f.signerKey !== 'b' || f.type !== 'SIGN_SIGNATURE')
    const e = await refused('MEETING_SETUP_INVALID')
    expect((e.details.errors as Record<string, string>)['signers.1.fields']).toContain('签名或印章')
  })

  test('a signer with an invalid ID number, names the signer', async () => {
    input.signers[1] = { ...input.signers[1], idNumber: '110108199206150031' }
    const e = await refused('MEETING_SETUP_INVALID')
    expect(e.message).toMatch(/^第 2 位签署方：/)
    expect(Object.keys(e.details.errors as object)).toEqual(['signers.1.idNumber'])
  })

  test('two signers with one mobile number', async () => {
    input.signers[1] = { ...input.signers[1], mobile: input.signers[0].mobile }
    const e = await refused('MEETING_SETUP_INVALID')
    expect((e.details.errors as Record<string, string>)['signers.1.mobile']).toContain('与第 1 位签署方重复')
  })

  test('an end before the start', async () => {
    input.meeting = { ...input.meeting, endsAt: input.meeting.startsAt - MINUTE }
    const e = await refused('MEETING_SETUP_INVALID')
    expect(e.message).toBe('结束时间应晚于开始时间')
  })

  test('a personal signer given a seal field', async () => {
    input.fields.push(field('f9', 'a', 'SIGN_SEAL', 1))
    await refused('MEETING_SETUP_INVALID')
  })

  test('a logo that is not an image', async () => {
    input.screen = { logo: input.document.pdfBase64 }
    await refused('FILE_TYPE_NOT_ALLOWED')
  })
})

describe('auto-play and hosted flows', () => {
  test('auto-play never signs for a hosted flow, nor does playOthers', async () => {
    const env = setup()
    await env.sb.dev.setAutoPlayOthers(true)
    const host = await login(env, 'WU_HAO')
    const m = await env.sb.createHostedMeeting(await hostInput(host))
    await phoneSigns(env, 'ZHANG_SAN', m.payload)
    env.advance(5 * MINUTE)
    const board = await env.sb.getMeetingBoard({ meetingId: m.meetingId, boardKey: m.boardKey })
    expect(board.flows[0].signers.map((s) => s.status)).toEqual(['SIGNED', 'PENDING'])
    const played = await env.sb.dev.playOthers(m.flowId)
    expect(played.signed).toEqual([])
    expect(played.skipped[0].reason).toContain('沙箱不代签')
    expect(played.flowStatus).toBe('SIGNING')
  })

  test('autoPlayOthers: false (the HTTP server default) turns auto-play off at start, over what was persisted', async () => {
    const storage = new MemoryStorage()
    const clock = { t: T0 }
    const first = createSandbox({ storage, latency: { min: 0, max: 0 }, now: () => clock.t })
    expect(await first.dev.setAutoPlayOthers(true)).toEqual({ autoPlay: true })
    const env: Env = {
      sb: createSandbox({ storage, latency: { min: 0, max: 0 }, now: () => clock.t, autoPlayOthers: false }),
      storage,
      clock,
      advance: (ms) => void (clock.t += ms)
    }
    // a demo flow: after 孙磊 signs, nobody is scheduled
    const { join } = await import('./signing.helpers')
    const { DEMO_FLOWS } = await import('@sandbox')
    const flowId = DEMO_FLOWS.STRATEGIC_LAB
    const { session, signerId } = await join(env, 'SUN_LEI', flowId)
    const contract = await readAll(env, session, flowId)
    env.advance(60 * SECOND)
    const intentToken = await faceIntent(env, session, flowId)
    const seal = (await env.sb.listMySeals({ session, flowId, signerId })).seals.find((x) => x.acceptedBy.length > 0)!
    const values = valuesFor(contract, signerId, { png: makePng(240, 90, 3), sealId: seal.sealId, pagingSealId: seal.sealId })
    await env.sb.submitSigning({ session, flowId, signerId, intentToken, idempotencyKey: 'autoplay-off-1', values })
    const status = await env.sb.getSigningStatus({ session, flowId })
    expect(status.nextAutoSignAt).toBeNull()
    env.advance(MINUTE)
    expect((await env.sb.getSigningStatus({ session, flowId })).signers.filter((s) => s.status === 'SIGNED')).toHaveLength(1)
  })
})

test('an enterprise signer from a demo enterprise can seal a hosted contract', async () => {
  const env = setup()
  const host = await login(env, 'WU_HAO')
  const input = await hostInput(host)
  input.signers = [personSigner('a', 'ZHANG_SAN', '甲方'), enterpriseSigner('b', 'WANG_FANG', '乙方')]
  input.fields = [field('f1', 'a', 'SIGN_SIGNATURE', 2), field('f2', 'b', 'SIGN_SEAL', 2, 0.6, 0.6)]
  const m = await env.sb.createHostedMeeting(input)
  expect(m.warnings).toEqual([])
  const p = decodePayload(m.payload)
  if (!p.ok) throw new Error(p.message)
  const session = await login(env, 'WANG_FANG')
  const o = await env.sb.joinFlow({ session, flowId: m.flowId, linkToken: p.value.token })
  const seals = await env.sb.listMySeals({ session, flowId: m.flowId, signerId: o.mySignerId })
  expect(seals.unfillable).toEqual([])
  expect(seals.seals.some((s) => s.acceptedBy.length > 0)).toBe(true)
})

test('before the meeting starts, signers may join and read but not sign; from the start they sign', async () => {
  const env = setup()
  const host = await login(env, 'WU_HAO')
  const input = await hostInput(host)
  const startsAt = T0 + 90 * MINUTE
  input.meeting = { ...input.meeting, startsAt, endsAt: startsAt + 4 * 3600_000 }
  const m = await env.sb.createHostedMeeting(input)
  expect(m.status).toBe('SCHEDULED')
  const p = decodePayload(m.payload)
  if (!p.ok) throw new Error(p.message)
  const zhang = await login(env, 'ZHANG_SAN')
  const o = await env.sb.joinFlow({ session: zhang, flowId: m.flowId, linkToken: p.value.token })
  const contract = await readAll(env, zhang, m.flowId)
  expect(contract.canSign).toBe(false)
  expect(contract.blockedReason).toBe('MEETING_NOT_STARTED')
  const d = new Date(startsAt + 8 * 3600_000)
  const hhmm = `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`
  expect(contract.blockedMessage).toContain(hhmm)
  expect(contract.blockedMessage).toMatch(/^签约会议将于\d\d月\d\d日 \d\d:\d\d开始，届时即可签署$/)
  const values = valuesFor(contract, o.mySignerId, { png: makePng(200, 80, 1) })
  const e = await expectError(faceIntent(env, zhang, m.flowId), 'MEETING_NOT_STARTED')
  expect(e.details.startsAt).toBe(startsAt)

  env.advance(startsAt - env.clock.t)
  const open = await env.sb.getContract({ session: zhang, flowId: m.flowId })
  expect(open.canSign).toBe(true)
  const intentToken = await faceIntent(env, zhang, m.flowId)
  const r = await env.sb.submitSigning({ session: zhang, flowId: m.flowId, signerId: o.mySignerId, intentToken, idempotencyKey: 'host-early-1', values })
  expect(r).toMatchObject({ signerStatus: 'SIGNED', flowStatus: 'SIGNING', signedAt: startsAt })
  expect((await env.sb.getHostedMeeting({ session: host, meetingId: m.meetingId })).status).toBe('SIGNING')
})
