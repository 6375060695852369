import TestUtils from '@tarojs/test-utils-react'
import Index from '@/pages/index/index'
test('mounts', async () => {
  const t = new TestUtils()
  await t.mount(Index, {})
  expect(t.html()).toContain('InkSeal')
})
