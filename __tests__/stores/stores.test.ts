import { DEMO_FLOWS, DEMO_PEOPLE } from '@sandbox'
import { ServiceError } from '@/services/errors'
import { simulatedCapture } from '@/platform/face'
import { fillAndSubmit, world } from './helpers'

const zhang = DEMO_PEOPLE.ZHANG_SAN

describe('EntryStore', () => {
  test('a valid personal link resolves to ready and keeps the pending entry across a restart', async () => {
    const w = world()
    const state = await w.store.entry.open(w.link('房屋租赁合同'))
    expect(state.kind).toBe('ready')
    if (state.kind !== 'ready') return
    expect(state.resolution.flow.title).toBe('房屋租赁合同')
    expect(state.resolution.flow.status).toBe('SIGNING')
    expect(w.store.entry.pending?.flowId).toBe(DEMO_FLOWS.PERSONAL)
    expect(w.restart().entry.pending?.flowId).toBe(DEMO_FLOWS.PERSONAL)
  })

  test.each([
    ['', 'EMPTY'],
    ['hello world', 'NOT_OURS'],
    ['https://evil.example.com/s/1.S.ABCDEFGH.abcdefgh.zzzzzz.A', 'FOREIGN_HOST'],
    ['https://sign.inkseal.cn/about', 'MALFORMED']
  ])('%j is refused offline with %s and a Chinese message', async (input, code) => {
    const w = world()
    const state = await w.store.entry.open(input)
    expect(state).toMatchObject({ kind: 'refused', code, retryable: false })
    if (state.kind === 'refused') expect(state.message).toMatch(/[\u4e00-\u9fff]/)
    expect(w.store.entry.pending).toBeNull()
  })

  test('a damaged link (one character changed) is refused', async () => {
    const w = world()
    const link = w.link('房屋租赁合同')
    const i = link.length - 3
    const damaged = link.slice(0, i) + (link[i] === 'a' ? 'b' : 'a') + link.slice(i + 1)
    const state = await w.store.entry.open(damaged)
    expect(state.kind).toBe('refused')
  })

  test('the expired demo link is refused as expired', async () => {
    const w = world()
    const state = await w.store.entry.open(w.link('已过期的签署码'))
    expect(state).toMatchObject({ kind: 'refused', code: 'LINK_EXPIRED' })
  })

  test('a link that expires while the app is open is refused by the offline check', async () => {
    const w = world()
    const link = w.link('房屋租赁合同')
    w.clock.t += 31 * 24 * 3600 * 1000
    const state = await w.store.entry.open(link)
    expect(state).toMatchObject({ kind: 'refused', code: 'LINK_EXPIRED' })
  })

  test.each([
    ['设备采购合同', 'EXPIRED', '截止时间'],
    ['保密协议', 'CANCELLED', '撤销'],
    ['借款合同', 'COMPLETED', '已完成']
  ])('%s opens as closed with status %s', async (label, status, words) => {
    const w = world()
    const state = await w.store.entry.open(w.link(label))
    expect(state.kind).toBe('closed')
    if (state.kind !== 'closed') return
    expect(state.resolution.flow.status).toBe(status)
    expect(state.message).toContain(words)
    // a completed contract can still be opened by its signers (issue 15); the others cannot
    if (status === 'COMPLETED') expect(w.store.entry.pending).toMatchObject({ flowId: state.resolution.flow.flowId, title: '借款合同' })
    else expect(w.store.entry.pending).toBeNull()
  })

  test('a network failure is refused as retryable, and retry succeeds', async () => {
    let fail = true
    const w = world({
      service: (sb) => ({
        ...sb,
        resolveEntry: async (input) => {
          if (fail) throw new ServiceError('NETWORK_ERROR', '网络连接失败，请检查网络后重试')
          return sb.resolveEntry(input)
        }
      })
    })
    const state = await w.store.entry.open(w.link('房屋租赁合同'))
    expect(state).toMatchObject({ kind: 'refused', code: 'NETWORK_ERROR', retryable: true })
    fail = false
    expect((await w.store.entry.retry()).kind).toBe('ready')
  })

  test('an out-of-date answer does not overwrite a newer one', async () => {
    const w = world()
    const first = w.store.entry.open(w.link('房屋租赁合同'))
    const second = w.store.entry.open('hello')
    await Promise.all([first, second])
    expect(w.store.entry.state.kind).toBe('refused')
  })
})

describe('VerifyStore', () => {
  test('field messages appear once touched and name the problem', () => {
    const { store } = world()
    const v = store.verify
    v.setField('idNumber', '110105199003070018')
    expect(v.error('idNumber')).toBeNull()
    v.touch('idNumber')
    expect(v.error('idNumber')).toContain('校验位')
    v.setField('mobile', '12345')
    v.touch('mobile')
    expect(v.error('mobile')).toContain('11位')
    v.setField('name', 'Tom')
    v.touch('name')
    expect(v.error('name')).toContain('中文')
  })

  test('no SMS is sent while the identity fields are invalid', async () => {
    const w = world()
    w.store.verify.setField('name', zhang.name)
    w.store.verify.setField('mobile', zhang.mobile)
    w.store.verify.setField('idNumber', '110105199003070018')
    expect(await w.store.verify.sendCode()).toBe(false)
    expect(w.sandbox.dev.listSmsOutbox()).toHaveLength(0)
    expect(w.store.verify.error('idNumber')).toBeTruthy()
  })

  test('the resend countdown starts at 60 s and reaches 0 at 60 s', async () => {
    const w = world()
    const v = w.store.verify
    v.setField('name', zhang.name)
    v.setField('idNumber', zhang.idNumber)
    v.setField('mobile', zhang.mobile)
    expect(await v.sendCode()).toBe(true)
    expect(v.ticket?.sentTo).toBe('138****8000')
    expect(v.resendIn).toBe(60)
    expect(await v.sendCode()).toBe(false) // still counting down: not even asked
    expect(w.sandbox.dev.listSmsOutbox()).toHaveLength(1)
    w.clock.t += 59_001
    v.refreshClock()
    expect(v.resendIn).toBe(1)
    w.clock.t += 1_000
    v.refreshClock()
    expect(v.resendIn).toBe(0)
    expect(await v.sendCode()).toBe(true)
    expect(w.sandbox.dev.listSmsOutbox()).toHaveLength(2)
  })

  test('after a restart inside the resend window, the refusal shows a countdown that runs, and the code already sent can be entered', async () => {
    const w = world()
    const fill = (v: typeof w.store.verify) => {
      v.setField('name', zhang.name)
      v.setField('idNumber', zhang.idNumber)
      v.setField('mobile', zhang.mobile)
    }
    fill(w.store.verify)
    expect(await w.store.verify.sendCode()).toBe(true)
    const code = w.lastCode()
    const v = w.restart().verify
    fill(v)
    w.clock.t += 15_000
    jest.useFakeTimers()
    try {
      expect(await v.sendCode()).toBe(false)
      expect(v.formError).toBe('验证码发送过于频繁，请45秒后再试')
      expect(v.resendIn).toBe(45)
      w.clock.t += 5_000
      jest.advanceTimersByTime(5_000)
      expect(v.resendIn).toBe(40)
      v.setField('smsCode', code)
      expect(v.canSubmit).toBe(true)
      expect(await v.submit()).toBe(true)
    } finally {
      v.reset()
      jest.useRealTimers()
    }
  })

  test('a wrong code shows the remaining tries under the code field; the fifth locks', async () => {
    const w = world()
    const v = w.store.verify
    const right = await (async () => {
      v.setField('name', zhang.name)
      v.setField('idNumber', zhang.idNumber)
      v.setField('mobile', zhang.mobile)
      await v.sendCode()
      return w.lastCode()
    })()
    const wrong = right === '000000' ? '111111' : '000000'
    for (let i = 1; i <= 4; i++) {
      v.setField('smsCode', wrong)
      expect(await v.submit()).toBe(false)
      expect(v.error('smsCode')).toContain(String(5 - i))
    }
    v.setField('smsCode', wrong)
    expect(await v.submit()).toBe(false)
    const shown = `${v.error('smsCode') ?? ''}${v.formError ?? ''}`
    expect(shown).toMatch(/锁定|10分钟|稍后/)
    v.setField('smsCode', right)
    expect(await v.submit()).toBe(false) // locked even with the right code
    expect(v.step).toBe('form')
  })

  test('submitting without a code asks for one', async () => {
    const w = world()
    const v = w.store.verify
    v.setField('name', zhang.name)
    v.setField('idNumber', zhang.idNumber)
    v.setField('mobile', zhang.mobile)
    expect(await v.submit()).toBe(false)
    expect(v.formError).toContain('获取短信验证码')
  })

  test('a registry mismatch is shown as a form error and the step stays on the form', async () => {
    const w = world()
    expect(await fillAndSubmit(w, DEMO_PEOPLE.ZHENG_SHUANG)).toBe(false)
    expect(w.store.verify.formError).toContain('不一致')
    expect(w.store.verify.step).toBe('form')
  })

  test('code then face issues a session holding only masked data, and wipes the form', async () => {
    const w = world()
    expect(await fillAndSubmit(w, zhang)).toBe(true)
    expect(w.store.verify.step).toBe('face')
    expect(await w.store.verify.completeFace(simulatedCapture('blink', true))).toBe(true)
    expect(w.store.verify.step).toBe('done')
    expect(w.store.session.active?.maskedName).toBe('张*')
    expect(w.store.verify.idNumber).toBe('')
    expect(w.store.verify.mobile).toBe('')
    const persisted = [...w.storage.data.values()].join('\n')
    expect(persisted).toContain('张*')
    expect(persisted).not.toContain(zhang.idNumber)
    expect(persisted).not.toContain(zhang.mobile)
    // and a restart keeps the session
    expect(w.restart().session.active?.maskedId).toBe(w.store.session.active?.maskedId)
  })

  test('an unfinished liveness action or a failing face stays on the face step with the reason', async () => {
    const w = world()
    await fillAndSubmit(w, DEMO_PEOPLE.QIAN_DUODUO)
    expect(w.store.verify.step).toBe('face')
    expect(await w.store.verify.completeFace(simulatedCapture('nod', false))).toBe(false)
    expect(w.store.verify.faceError).toContain('动作')
    expect(await w.store.verify.completeFace(simulatedCapture('nod', true))).toBe(false)
    expect(w.store.verify.faceError).toContain('不一致')
    expect(w.store.session.active).toBeNull()
  })
})

describe('FlowStore', () => {
  async function verified(w: ReturnType<typeof world>, person = zhang) {
    await fillAndSubmit(w, person)
    await w.store.verify.completeFace(simulatedCapture('blink', true))
    expect(w.store.session.active).not.toBeNull()
  }

  test('a designated signer joins through the pending link and sees the overview', async () => {
    const w = world()
    await w.store.entry.open(w.link('房屋租赁合同'))
    await verified(w)
    const state = await w.store.flow.open(DEMO_FLOWS.PERSONAL)
    expect(state.kind).toBe('ready')
    if (state.kind !== 'ready') return
    const me = state.overview.signers.find((s) => s.signerId === state.overview.mySignerId)
    expect(me?.maskedName).toBe('张*')
    expect(me?.status).toBe('PENDING')
    expect(w.store.entry.pending).toBeNull()
    // Joined: a second open goes through getFlow, and the list has it
    expect((await w.store.flow.open(DEMO_FLOWS.PERSONAL)).kind).toBe('ready')
    await w.store.flow.loadMine()
    expect(w.store.flow.mine.map((f) => f.flowId)).toContain(DEMO_FLOWS.PERSONAL)
  })

  test('someone else is refused and told whom the contract is for, masked', async () => {
    const w = world()
    await w.store.entry.open(w.link('房屋租赁合同'))
    await verified(w, DEMO_PEOPLE.WU_HAO)
    const state = await w.store.flow.open(DEMO_FLOWS.PERSONAL)
    expect(state.kind).toBe('refused')
    if (state.kind !== 'refused') return
    expect(state.message).toContain('不是本合同的签署人')
    expect(state.intendedFor.join()).toContain('张*')
    expect(state.intendedFor.join()).not.toContain(zhang.mobile)
  })

  test('without a session, or after it expires, the flow asks to verify again and keeps the pending link', async () => {
    const w = world()
    await w.store.entry.open(w.link('房屋租赁合同'))
    expect((await w.store.flow.open(DEMO_FLOWS.PERSONAL)).kind).toBe('needsVerification')
    await verified(w)
    w.clock.t += 2 * 3600 * 1000 + 1
    expect((await w.store.flow.open(DEMO_FLOWS.PERSONAL)).kind).toBe('needsVerification')
    expect(w.store.entry.pending?.flowId).toBe(DEMO_FLOWS.PERSONAL)
  })

  test('the backend has the last word on an expired session', async () => {
    const w = world()
    await w.store.entry.open(w.link('房屋租赁合同'))
    await verified(w)
    // the device clock is behind: the local session looks valid, the backend says expired
    const info = w.store.session.info!
    w.store.session.set({ ...info, expiresAt: info.expiresAt + 10 * 3600 * 1000 })
    w.clock.t += 3 * 3600 * 1000
    const state = await w.store.flow.open(DEMO_FLOWS.PERSONAL)
    expect(state.kind).toBe('needsVerification')
    expect(w.store.session.info).toBeNull()
  })

  test('signing out ends the session at the backend too', async () => {
    const w = world()
    await verified(w)
    const token = w.store.session.active!.token
    w.store.signature.accept({ png: 'data:image/png;base64,iVBORw0KGgo=', width: 10, height: 10, kind: 'HANDWRITTEN', createdAt: w.now() })
    await w.store.signOut()
    expect(w.store.session.active).toBeNull()
    expect(w.store.signature.accepted).toBeNull()
    expect([...w.storage.data.keys()].filter((k) => k.startsWith('inkseal.signature'))).toEqual([])
    await expect(w.sandbox.listMyFlows({ session: token })).rejects.toMatchObject({ code: 'SESSION_INVALID' })
  })

  test('signing out clears the saved signature also when the signature store was never made in this run', async () => {
    const w = world()
    await verified(w)
    w.store.signature.accept({ png: 'data:image/png;base64,iVBORw0KGgo=', width: 10, height: 10, kind: 'HANDWRITTEN', createdAt: w.now() })
    w.store.signature.saveDraft({
      width: 100,
      height: 50,
      strokes: [
        {
          points: [
            { x: 1, y: 1, t: 0, w: 2 },
            { x: 9, y: 9, t: 8, w: 2 }
          ]
        }
      ]
    })
    expect([...w.storage.data.keys()].filter((k) => k.startsWith('inkseal.signature'))).toHaveLength(2)
    // an app restart: the landing pages never make the signature store
    const again = w.restart()
    await again.signOut()
    expect([...w.storage.data.keys()].filter((k) => k.startsWith('inkseal.signature'))).toEqual([])
    expect(again.signature.accepted).toBeNull()
    expect(again.signature.draft).toBeNull()
  })

  test('feature stores are made on first use, once', () => {
    const w = world()
    const first = w.store.signing
    expect(w.store.signing).toBe(first)
    expect(w.store.enterprise).toBe(w.store.enterprise)
  })
})
