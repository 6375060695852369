/**
 * The meeting board sees signatures: a real one at once, and the sandbox's scheduled
 * (auto-played) signers as soon as their time comes, through any operation.
 */
import { DEMO_FLOWS } from '@sandbox'
import { faceIntent, join, readAll, setup, SECOND, valuesFor, makePng } from './signing.helpers'

async function board(env: ReturnType<typeof setup>) {
  const [m] = env.sb.dev.listMeetings()
  const key = /[?&]k=([^&]+)/.exec(m.screenLink)![1]
  return env.sb.getMeetingBoard({ meetingId: m.meetingId, boardKey: key })
}

test('a signature shows on the board at once; the others follow by the sandbox clock', async () => {
  const env = setup({ seed: 9 })
  const flowId = DEMO_FLOWS.STRATEGIC_LAB
  let b = await board(env)
  expect(b.flows.find((f) => f.flowId === flowId)!.signedCount).toBe(0)

  const { session, signerId } = await join(env, 'SUN_LEI', flowId)
  const contract = await readAll(env, session, flowId)
  env.advance(60 * SECOND)
  const intentToken = await faceIntent(env, session, flowId)
  const mine = await env.sb.listMySeals({ session, flowId, signerId })
  const seal = mine.seals.find((x) => x.acceptedBy.length > 0)!
  const values = valuesFor(contract, signerId, { png: makePng(240, 90, 3), sealId: seal.sealId, pagingSealId: seal.sealId })
  const r = await env.sb.submitSigning({ session, flowId, signerId, intentToken, idempotencyKey: 'meeting-live-1', values })
  expect(r.signerStatus).toBe('SIGNED')

  b = await board(env)
  let lab = b.flows.find((f) => f.flowId === flowId)!
  expect(lab.signers.find((s) => s.signerId === signerId)!.status).toBe('SIGNED')
  expect(lab.signedCount).toBe(1)

  // 刘洋 has not joined: the sandbox plays him a few seconds later; the board (a core
  // operation) sees it without any signing operation running in between.
  env.advance(30 * SECOND)
  b = await board(env)
  lab = b.flows.find((f) => f.flowId === flowId)!
  expect(lab.signedCount).toBe(2)
  expect(lab.status).toBe('COMPLETED')
})

test('when every signer of every flow of the meeting has signed, the board says so', async () => {
  const env = setup({ seed: 10 })
  expect((await board(env)).allSigned).toBe(false)
  // 赵敏 has no contract seal yet: authorise one so every signer can sign.
  const seal = env.sb.dev.listDemoSeals().find((x) => x.enterpriseName.includes('星河') && x.sealType === 'CONTRACT')!
  await env.sb.dev.authoriseSeal({ sealId: seal.sealId, personName: '赵敏' })
  const played = await env.sb.dev.playOthers(DEMO_FLOWS.STRATEGIC)
  expect(played.skipped).toEqual([])
  const half = await board(env)
  expect(half.flows[0].status).toBe('COMPLETED')
  expect(half.allSigned).toBe(false) // the second flow is still open
  await env.sb.dev.playOthers(DEMO_FLOWS.STRATEGIC_LAB)
  const all = await board(env)
  expect(all.flows.every((f) => f.signedCount === f.signers.length)).toBe(true)
  expect(all.allSigned).toBe(true)
})
