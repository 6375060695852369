import { createSandbox, DEMO_PEOPLE, type SandboxService } from '@/services/sandbox'
import { MemoryStorage } from '@/services/storage'
import { RootStore } from '@/stores/RootStore'
import type { InkSealService } from '@/services/types'

export const T0 = Date.UTC(2026, 10, 21, 2, 0, 0)

const created: RootStore[] = []

// The verify form runs a 1 s countdown ticker; stop it after each test.
afterEach(() => {
  created.splice(0).forEach((s) => s.verify.reset())
})

export interface World {
  clock: { t: number }
  now: () => number
  sandbox: SandboxService
  storage: MemoryStorage
  store: RootStore
  /** A fresh RootStore on the same device storage (an app restart). */
  restart(): RootStore
  link(label: string): string
  lastCode(): string
}

/** A sandbox with a fake clock and no latency, and a root store on it, as the app builds them. */
export function world(opts: { service?: (sb: SandboxService) => InkSealService } = {}): World {
  const clock = { t: T0 }
  const now = () => clock.t
  const sandbox = createSandbox({ seed: 7, now, latency: { min: 0, max: 0 }, linkBase: 'https://sign.inkseal.cn' })
  const storage = new MemoryStorage()
  const service = opts.service ? opts.service(sandbox) : sandbox
  const make = () => {
    const s = new RootStore({ service, devTools: sandbox.dev, storage, allowedHosts: () => ['sign.inkseal.cn'], now })
    created.push(s)
    return s
  }
  return {
    clock,
    now,
    sandbox,
    storage,
    store: make(),
    restart: make,
    link(label) {
      const l = sandbox.dev.listDemoLinks().find((x) => x.label.includes(label))
      if (!l) throw new Error(`no demo link ${label}`)
      return l.link
    },
    lastCode() {
      const m = /(\d{6})/.exec(sandbox.dev.listSmsOutbox()[0]?.text ?? '')
      if (!m) throw new Error('no SMS sent')
      return m[1]
    }
  }
}

export type DemoPerson = (typeof DEMO_PEOPLE)[keyof typeof DEMO_PEOPLE]

/** Fills the verify form, sends the code and submits it. */
export async function fillAndSubmit(w: World, p: DemoPerson, code?: string): Promise<boolean> {
  const v = w.store.verify
  v.setField('name', p.name)
  v.setField('idNumber', p.idNumber)
  v.setField('mobile', p.mobile)
  if (!v.ticket) await v.sendCode()
  v.setField('smsCode', code ?? w.lastCode())
  return v.submit()
}
