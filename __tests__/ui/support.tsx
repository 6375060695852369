import { createElement, type ComponentType } from 'react'
import { createSandbox, type SandboxService } from '@sandbox'
import { MemoryStorage } from '@/services/storage'
import { TestRoot } from '../stores/testRoot'
import { StoreProvider } from '@/stores/StoreContext'

export interface UiWorld {
  sandbox: SandboxService
  store: TestRoot
  /** The page or component wrapped in the store context, ready for TestUtils.mount */
  wrap<P extends object>(C: ComponentType<P>, props?: P): ComponentType<Record<string, never>>
  lastCode(): string
}

export function uiWorld(): UiWorld {
  const sandbox = createSandbox({ seed: 11, latency: { min: 0, max: 0 }, linkBase: 'https://sign.inkseal.cn' })
  const store = new TestRoot({
    service: sandbox,
    devTools: sandbox.dev,
    storage: new MemoryStorage(),
    allowedHosts: () => ['sign.inkseal.cn']
  })
  return {
    sandbox,
    store,
    wrap: (C, props) =>
      function Wrapped() {
        return createElement(StoreProvider, { store }, createElement(C, (props ?? {}) as never))
      },
    lastCode() {
      const m = /(\d{6})/.exec(sandbox.dev.listSmsOutbox()[0]?.text ?? '')
      if (!m) throw new Error('no SMS')
      return m[1]
    }
  }
}

/** Lets MobX reactions and resolved promises reach the DOM. */
export function flush(ms = 0): Promise<void> {
  return new Promise((r) => setTimeout(r, ms))
}

/** The rendered document as HTML (TestUtils.html() overflows on Taro's element trees). */
export function html(): string {
  return document.body.innerHTML
}
