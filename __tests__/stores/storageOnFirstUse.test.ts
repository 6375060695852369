/**
 * The landing stores read storage on first use, not when the root store is made: the first
 * storage access of a page is slow in browsers, and the landing page's first render does not
 * need it. What they read must still be right, once, and observable.
 */
import { autorun } from 'mobx'
import { createSandbox } from '@sandbox'
import { MemoryStorage } from '@/services/storage'
import type { SessionInfo } from '@/services/types'
import { RootStore } from '@/stores/RootStore'

class CountingStorage extends MemoryStorage {
  reads: string[] = []
  get(key: string): string | null {
    this.reads.push(key)
    return super.get(key)
  }
}

const NOW = Date.UTC(2026, 10, 21, 2, 0, 0)
const SESSION: SessionInfo = { token: 'tok-1', expiresAt: NOW + 60_000, maskedName: '张*', maskedId: '1101**********0011', maskedMobile: '138****8000' }
const PENDING = { flowId: 'PERSNL26', linkToken: 'AbCd1234', title: '房屋租赁合同' }

function setup() {
  const storage = new CountingStorage()
  storage.set('inkseal.session', JSON.stringify(SESSION))
  storage.set('inkseal.pendingEntry', JSON.stringify(PENDING))
  const service = createSandbox({ seed: 1, latency: { min: 0, max: 0 } })
  const root = new RootStore({ service, storage, allowedHosts: () => ['sign.inkseal.cn'], now: () => NOW })
  return { storage, root }
}

test('making the root store reads nothing from storage', () => {
  const { storage } = setup()
  expect(storage.reads).toEqual([])
})

test('the session is read on first use, once, and observers follow later changes', () => {
  const { storage, root } = setup()
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined)
  const seen: (string | null)[] = []
  const stop = autorun(() => seen.push(root.session.active?.token ?? null))
  expect(seen).toEqual(['tok-1'])
  expect(root.session.info).toEqual(SESSION)
  root.session.clear()
  root.session.set({ ...SESSION, token: 'tok-2' })
  expect(seen).toEqual(['tok-1', null, 'tok-2'])
  expect(storage.reads.filter((k) => k === 'inkseal.session')).toHaveLength(1)
  expect(JSON.parse(storage.get('inkseal.session')!).token).toBe('tok-2')
  stop()
  expect(warn).not.toHaveBeenCalled()
  warn.mockRestore()
})

test('a session written before it was ever read is not overwritten by the stored one', () => {
  const { root } = setup()
  root.session.set({ ...SESSION, token: 'fresh' })
  expect(root.session.info?.token).toBe('fresh')
})

test('the pending entry is read on first use, once; clearing it before a read wins', () => {
  const a = setup()
  expect(a.root.entry.pending).toEqual(PENDING)
  expect(a.root.entry.pending).toEqual(PENDING)
  expect(a.storage.reads.filter((k) => k === 'inkseal.pendingEntry')).toHaveLength(1)

  const b = setup()
  b.root.entry.setPending(null)
  expect(b.root.entry.pending).toBeNull()
  expect(b.storage.get('inkseal.pendingEntry')).toBeNull()
})
