import { checkMeetingDraft, checkPageCount, fieldAt, moveField, resizeField, type MeetingDraft, type SignerDraft } from '@/domain/meeting/setup'

const NOW = Date.UTC(2026, 11, 4, 10)
const HOUR = 3600 * 1000

const person: SignerDraft = { key: 'a', kind: 'PERSON', name: '张三', idNumber: '110105199003070017', mobile: '13810008000', role: '甲方', order: 1 }
const company: SignerDraft = {
  key: 'b',
  kind: 'ENTERPRISE',
  name: '李四',
  idNumber: '11010519491231002X',
  mobile: '13910002000',
  company: '深圳前海云签科技有限公司',
  creditCode: '9144030071526726XG',
  role: '乙方',
  order: 1
}

function draft(over: Partial<MeetingDraft> = {}): MeetingDraft {
  return {
    name: '2026 战略合作签约仪式',
    startsAt: NOW,
    endsAt: NOW + 2 * HOUR,
    signers: [person, company],
    observers: [{ name: '王芳', mobile: '13700001111' }],
    document: { fileName: '合作协议.pdf', pageCount: 3 },
    fields: [
      { key: 'f1', signerKey: 'a', type: 'SIGN_SIGNATURE', page: 2, x: 0.1, y: 0.8, w: 0.25, h: 0.08 },
      { key: 'f2', signerKey: 'b', type: 'SIGN_SEAL', page: 2, x: 0.6, y: 0.75, w: 0.2, h: 0.14 },
      { key: 'f3', signerKey: 'b', type: 'SIGN_DATE', page: 2, x: 0.6, y: 0.9, w: 0.2, h: 0.03 }
    ],
    ...over
  }
}

describe('meeting set-up', () => {
  test('a complete draft passes with no warning', () => {
    expect(checkMeetingDraft(draft(), NOW)).toEqual({ ok: true, errors: {}, warnings: [] })
  })

  test('meeting name and time', () => {
    expect(checkMeetingDraft(draft({ name: '  ' }), NOW).errors.name).toBe('请填写会议名称')
    expect(checkMeetingDraft(draft({ name: '会'.repeat(51) }), NOW).errors.name).toBe('会议名称不能超过50个字')
    expect(checkMeetingDraft(draft({ endsAt: NOW - HOUR, startsAt: NOW - 2 * HOUR }), NOW).errors.time).toBe('结束时间已过，请重新选择')
    expect(checkMeetingDraft(draft({ endsAt: NOW }), NOW).errors.time).toBe('结束时间应晚于开始时间')
    expect(checkMeetingDraft(draft({ endsAt: NOW + 8 * 24 * HOUR }), NOW).errors.time).toBe('会议时长不能超过 7 天')
    expect(checkMeetingDraft(draft({ endsAt: NaN }), NOW).errors.time).toBe('请选择会议开始和结束时间')
  })

  test('each signer is checked like a real-name form: ID check digit, mobile, company and credit code', () => {
    const bad = { ...company, idNumber: '110105194912310021', mobile: '12345678901', creditCode: '91350100M000100Y4Z', company: '云签', role: '' }
    const r = checkMeetingDraft(draft({ signers: [person, bad] }), NOW)
    expect(r.ok).toBe(false)
    expect(r.errors['signers.1.idNumber']).toMatch(/身份证/)
    expect(r.errors['signers.1.mobile']).toMatch(/手机号/)
    expect(r.errors['signers.1.creditCode']).toMatch(/信用代码/)
    expect(r.errors['signers.1.company']).toBe('请填写企业全称（与营业执照一致）')
    expect(r.errors['signers.1.role']).toBe('请填写签署方角色，如“甲方”')
    expect(r.errors['signers.0.idNumber']).toBeUndefined()
  })

  test('no signers, the same person twice, a bad order, a bad observer', () => {
    expect(checkMeetingDraft(draft({ signers: [], fields: [] }), NOW).errors.signers).toBe('请至少添加一位签署方')
    const twice = checkMeetingDraft(draft({ signers: [person, { ...person, key: 'c', order: 0 }] }), NOW)
    expect(twice.errors['signers.1.idNumber']).toBe('与第 1 位签署方重复')
    expect(twice.errors['signers.1.order']).toBe('签署顺序应为 1 到 20 的整数')
    // the same person may sign once for themselves and once for their company
    const both = checkMeetingDraft(draft({ signers: [person, { ...company, idNumber: person.idNumber }] }), NOW)
    expect(both.errors['signers.1.idNumber']).toBeUndefined()
    expect(checkMeetingDraft(draft({ observers: [{ name: 'x', mobile: '1' }] }), NOW).errors).toMatchObject({
      'observers.0.name': expect.any(String),
      'observers.0.mobile': expect.any(String)
    })
  })

  test('document and fields: missing PDF, a seal for a person, a missing page, an orphan field, a signer without a place to sign', () => {
    expect(checkMeetingDraft(draft({ document: null }), NOW).errors.document).toBe('请上传合同 PDF')
    const fields = draft().fields
    const r = checkMeetingDraft(
      draft({
        fields: [
          { ...fields[1], key: 'x1', signerKey: 'a' },
          { ...fields[0], key: 'x2', page: 3 },
          { ...fields[0], key: 'x3', signerKey: 'gone' },
          { ...fields[0], key: 'x4', x: 0.9, w: 0.2 },
          fields[1]
        ]
      }),
      NOW
    )
    expect(r.errors['fields.x1']).toBe('个人签署方不能使用印章控件')
    expect(r.errors['fields.x2']).toBe('控件所在页不存在')
    expect(r.errors['fields.x3']).toBe('该控件的签署方已被删除，请重新指定')
    expect(r.errors['fields.x4']).toBe('控件超出页面或过小')
    const none = checkMeetingDraft(draft({ fields: [fields[1]] }), NOW)
    expect(none.errors['signers.0.fields']).toBe('请为第 1 位签署方（甲方）放置签名或印章控件')
  })

  test('an enterprise signer with a signature but no seal: allowed, with a warning', () => {
    const r = checkMeetingDraft(draft({ fields: [draft().fields[0], { ...draft().fields[0], key: 'g', signerKey: 'b' }] }), NOW)
    expect(r.ok).toBe(true)
    expect(r.warnings).toEqual(['第 2 位签署方（乙方）是企业签署方，但没有企业印章控件，将只签名不盖章'])
  })

  test('moving and resizing keep fields on the page and not smaller than the minimum', () => {
    const r = { x: 0.7, y: 0.9, w: 0.25, h: 0.08 }
    expect(moveField(r, 0.2, 0.2)).toEqual({ x: 0.75, y: 0.92, w: 0.25, h: 0.08 })
    expect(moveField(r, -1, -1)).toEqual({ x: 0, y: 0, w: 0.25, h: 0.08 })
    const big = resizeField(r, 1, 1)
    expect(big.w).toBeCloseTo(0.3, 9)
    expect(big.h).toBeCloseTo(0.1, 9)
    expect(resizeField(r, -1, -1)).toEqual({ x: 0.7, y: 0.9, w: 0.02, h: 0.02 })
    const placed = fieldAt('SIGN_SEAL', 0.99, 0.5, 842 / 595)
    expect(placed.x + placed.w).toBeLessThanOrEqual(1)
    expect(placed.w).toBeCloseTo(0.2, 6)
    expect(placed.h).toBeCloseTo(0.2 / (842 / 595), 6)
  })

  test('page limits for an uploaded contract', () => {
    expect(checkPageCount(0)).toBe('该 PDF 没有可显示的页面，请检查文件')
    expect(checkPageCount(200)).toBeNull()
    expect(checkPageCount(201)).toBe('合同不能超过 200 页（该文件有 201 页）')
  })
})
