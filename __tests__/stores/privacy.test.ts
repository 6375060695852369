/**
 * Private data after a full journey on one device: real-name verification, signing a contract,
 * and enterprise onboarding (letter path). The device's storage holds the app's data AND the
 * embedded sandbox's (as on H5/weapp). Neither it nor anything logged to the console may contain
 * a full resident ID or mobile number; the UI-facing views carry them masked.
 */
import fs from 'fs'
import path from 'path'
import { DEMO_PEOPLE } from '@sandbox'
import { ENTERPRISE_RULES } from '@sandbox/enterprise'
import { world } from './helpers'
import { accepted, readToEnd, signIn } from './signingHelpers'

const ADMIN = DEMO_PEOPLE.ZHAO_MIN

test('after verification, signing and enterprise onboarding, no full ID or mobile number is stored or logged', async () => {
  const logged: string[] = []
  const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((m) =>
    jest.spyOn(console, m).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' ')))
  )
  const w = world({ sharedStorage: true })
  const me = DEMO_PEOPLE.LI_SI
  try {
    // 1. verification + signing
    const flowId = await signIn(w, me, '房屋租赁合同')
    const s = w.store.signing
    await s.open(flowId)
    await readToEnd(w.store)
    s.applySignature(accepted(w.now()))
    for (const f of s.myFields) {
      if (f.type === 'TEXT') s.setText(f.fieldId, '2')
      if (f.type === 'CHECK_BOX' && f.required) s.toggleCheck(f.fieldId)
    }
    expect(s.remainingCount).toBe(0)
    expect(s.proceedToIntent()).toBe(true)
    s.chooseMethod('SMS')
    expect(await s.startIntent()).toBe(true)
    s.setIntentInput('intentCode', w.lastCode())
    expect(await s.confirmIntent()).toBe(true)
    expect(s.phase).toBe('SIGNED')
    s.dispose()

    // 2. enterprise onboarding by the same person (letter path), with a super administrator
    const ent = w.store.enterprise
    expect(await ent.start()).toBe(true)
    const sample = (key: string) => ({ name: `${key}.png`, bytes: w.sandbox.dev.licenseSampleImage(key) })
    expect(await ent.uploadLicense(sample('REJECT_FIRST'))).toBe(true)
    expect(await ent.confirmLicense()).toBe(true)
    ent.setAdminField('name', ADMIN.name)
    ent.setAdminField('idNumber', ADMIN.idNumber)
    ent.setAdminField('mobile', ADMIN.mobile)
    expect(await ent.setAdmin()).toBe(true)
    expect(await ent.submitLetter(sample('LETTER'))).toBe(true)
    w.clock.t += ENTERPRISE_RULES.LETTER_REVIEW_MS
    await ent.refresh()
    expect(await ent.submitLetter(sample('LETTER'))).toBe(true)
    await w.sandbox.dev.completeLetterReviews()
    await ent.refresh()
    expect(ent.app?.status).toBe('ACTIVATED')
    ent.dispose()
  } finally {
    spies.forEach((x) => x.mockRestore())
  }

  const stored = [...w.storage.data.entries()].map(([k, v]) => `${k}=${v}`).join('\n')
  // The journey really left data behind (session, sandbox state, application id)
  expect(stored).toContain('inkseal.session')
  expect(stored).toContain('inkseal.sandbox.v1')
  expect(stored.length).toBeGreaterThan(5_000)
  const secrets = [me.idNumber, me.mobile, ADMIN.idNumber, ADMIN.mobile]
  for (const secret of secrets) {
    expect(stored).not.toContain(secret)
    expect(logged.join('\n')).not.toContain(secret)
  }
  // Masked forms are what is kept
  expect(stored).toContain('139****9000')

  const file = path.join(__dirname, '..', '..', 'docs', 'reliability.md')
  const doc = fs.readFileSync(file, 'utf8')
  const row = `| Private data after verification, signing and enterprise onboarding | 1 journey, ${w.storage.data.size} storage keys, ${Math.round(stored.length / 1024)} KB, ${logged.length} console lines | — | 0 | 0 | no full resident ID or mobile number (${secrets.length} checked) in storage or console |`
  const header = '| scenario | cases tried | faults injected | failures | data lost | note |\n|---|---|---|---|---|---|'
  const block = `<!-- BEGIN stores/privacy.test.ts -->\n${header}\n${row}\n<!-- END stores/privacy.test.ts -->`
  const next = doc.includes('<!-- BEGIN stores/privacy.test.ts -->')
    ? doc.replace(/<!-- BEGIN stores\/privacy\.test\.ts -->[\s\S]*<!-- END stores\/privacy\.test\.ts -->/, block)
    : `${doc.trimEnd()}\n\n${block}\n`
  if (next !== doc) fs.writeFileSync(file, next)
})
