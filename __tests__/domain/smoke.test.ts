import { validateCreditCode } from '@/domain/creditCode'
import { validateResidentId } from '@/domain/identity'
test('vectors', () => {
  expect(validateResidentId('11010519491231002X').ok).toBe(true)
  expect(validateCreditCode('9144030071526726XG').ok).toBe(true)
  expect(validateCreditCode('91350100M000100Y4Z').ok).toBe(false)
})
