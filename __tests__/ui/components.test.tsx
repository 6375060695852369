import TestUtils from '@tarojs/test-utils-react'
import { createElement } from 'react'
import { FlowCard } from '@/components/FlowCard'
import { PrivacyPopup } from '@/components/PrivacyPopup'
import { privacyPrompt } from '@/platform/privacy'
import type { FlowSummary } from '@/services/types'
import { flush, html } from './support'

const flow: FlowSummary = {
  flowId: 'PERSNL26',
  title: '<img src=x onerror=alert(1)>房屋租赁合同',
  kind: 'PERSONAL',
  status: 'CANCELLED',
  initiator: '张三',
  meetingName: null,
  createdAt: Date.UTC(2026, 10, 1),
  deadline: Date.UTC(2026, 10, 28, 8, 30),
  closedAt: Date.UTC(2026, 10, 2),
  closedReason: '发起方已撤销：合同条款需修改',
  parties: [{ partyType: 'PERSON', name: '张*' }],
  signers: [
    {
      signerId: 's1',
      order: 1,
      partyType: 'PERSON',
      enterpriseName: null,
      maskedName: '张*',
      maskedMobile: '138****8000',
      roleLabel: '出租方',
      status: 'CANCELLED',
      signedAt: null
    },
    {
      signerId: 's2',
      order: 1,
      partyType: 'ENTERPRISE',
      enterpriseName: '深圳前海云签科技有限公司',
      maskedName: '王*',
      maskedMobile: '139****1234',
      roleLabel: '经办人',
      status: 'SIGNED',
      signedAt: 1
    }
  ],
  pageCount: 6
}

describe('FlowCard', () => {
  test('shows status, parties, signers with their states and marks me; markup in a title stays text', async () => {
    const t = new TestUtils()
    await t.mount(() => createElement(FlowCard, { flow, mySignerId: 's2' }))
    const out = html()
    expect(out).toContain('已撤销')
    expect(out).toContain('发起方已撤销：合同条款需修改')
    expect(out).toContain('共 6 页')
    expect(out).toContain('王*（我）')
    expect(out).toContain('深圳前海云签科技有限公司 · 经办人 · 139****1234')
    expect(out).toContain('已签署')
    expect(out).toContain('&lt;img src=x onerror=alert(1)&gt;房屋租赁合同')
    expect(t.queries.querySelectorAll('img').length).toBe(0)
  })
})

describe('PrivacyPopup', () => {
  beforeEach(() => localStorage.clear())

  test('appears when asked, and a yes resolves the question and is remembered', async () => {
    const t = new TestUtils()
    await t.mount(PrivacyPopup)
    expect(html()).not.toContain('隐私保护提示')
    const answer = privacyPrompt.ask()
    await flush()
    expect(html()).toContain('隐私保护提示')
    t.fireEvent.click(t.queries.queryByText('同意并继续') as HTMLElement)
    await expect(answer).resolves.toBe(true)
    await flush()
    expect(html()).not.toContain('隐私保护提示')
    await expect(privacyPrompt.ask()).resolves.toBe(true) // remembered: no second prompt
  })

  test('a refusal resolves false and is not remembered', async () => {
    const t = new TestUtils()
    await t.mount(PrivacyPopup)
    const answer = privacyPrompt.ask()
    await flush()
    t.fireEvent.click(t.queries.queryByText('拒绝') as HTMLElement)
    await expect(answer).resolves.toBe(false)
    expect(privacyPrompt.agreedBefore).toBe(false)
  })
})
