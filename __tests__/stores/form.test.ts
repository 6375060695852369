import { ServiceError } from '@/services/errors'
import { FormState } from '@/stores/form'

type F = 'a' | 'b'
const form = () =>
  new FormState<F>(
    ['a', 'b'],
    () => ({ a: '', b: '' }),
    (v) => ({ a: v.a ? null : 'a 必填', b: v.b.length === 2 ? null : 'b 两位' })
  )

test('messages show once touched; a backend message shows until the field changes', () => {
  const f = form()
  expect(f.errors).toEqual({})
  f.touch('a')
  expect(f.errors).toEqual({ a: 'a 必填' })
  f.set('a', 'x')
  f.fieldError(new ServiceError('INVALID_INPUT', '不一致', { field: 'a' }), (e) => e.details.field as F)
  expect(f.errors).toEqual({ a: '不一致' })
  f.set('a', 'y')
  expect(f.errors).toEqual({})
})

test('submit touches all, refuses locally without calling, maps a field error, and resets', async () => {
  const f = form()
  const send = jest.fn(async () => ({ ok: false as const, error: new ServiceError('INVALID_INPUT', 'b 不对', { field: 'b' }) }))
  expect(await f.submit(send)).toBeNull()
  expect(send).not.toHaveBeenCalled()
  expect(f.errors).toEqual({ a: 'a 必填', b: 'b 两位' })
  f.set('a', 'x')
  f.set('b', 'yz')
  const r = await f.submit(send)
  expect(r).toMatchObject({ ok: false, field: 'b' })
  expect(f.errors).toEqual({ b: 'b 不对' })
  f.reset()
  expect([f.values, f.errors]).toEqual([{ a: '', b: '' }, {}])
})
