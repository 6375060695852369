import { parsePayload } from '@/domain/entryLink'
import { createSandbox, DEMO_LINK_SPECS } from '@sandbox'
import { lazyService } from '@/services/lazy'
import { OPERATIONS, type InkSealService } from '@/services/types'
import { DevStore } from '@/stores/DevStore'

const sandbox = () => createSandbox({ seed: 5, latency: { min: 0, max: 0 }, linkBase: 'https://sign.inkseal.cn' })

describe('lazyService (the app loads the sandbox on the first backend call)', () => {
  test('nothing is loaded until an operation is called, then once for all calls', async () => {
    let loads = 0
    const real = sandbox()
    const lazy = lazyService(
      async () => {
        loads++
        return real
      },
      (s) => s
    )
    expect(Object.keys(lazy.service).sort()).toEqual([...OPERATIONS].sort())
    expect(loads).toBe(0)
    const parsed = parsePayload(real.dev.listDemoLinks()[0].payload, Date.now())
    if (!parsed.ok) throw new Error('demo payload does not parse')
    const input = { flowId: parsed.payload.id, linkToken: parsed.payload.token }
    const [a, b] = await Promise.all([lazy.service.resolveEntry(input), lazy.service.getMeetingBoard({} as never).catch((e) => e)])
    expect(loads).toBe(1)
    // the answers are the real backend's, refusals included
    expect(a).toEqual(await real.resolveEntry(input))
    expect(a.flow.flowId).toBe(input.flowId)
    expect(b).toMatchObject({ code: 'INVALID_INPUT' })
    await lazy.load()
    expect(loads).toBe(1)
  })

  test('a failed load is reported to the caller and tried again on the next call', async () => {
    let loads = 0
    const real = sandbox()
    const lazy = lazyService(
      async (): Promise<InkSealService> => {
        loads++
        if (loads === 1) throw new Error('chunk load failed')
        return real
      },
      (s) => s
    )
    await expect(lazy.service.listMyFlows({ session: 'x' })).rejects.toThrow('chunk load failed')
    await expect(lazy.service.listMyFlows({ session: 'x' })).rejects.toMatchObject({ code: 'SESSION_INVALID' })
    expect(loads).toBe(2)
  })
})

describe('DevStore with loaders', () => {
  test("the panel's lists come from the core's tools; every tool loads only on load()", async () => {
    const real = sandbox()
    const loads = { core: 0, all: 0 }
    const dev = new DevStore({
      core: async () => {
        loads.core++
        return real.dev
      },
      all: async () => {
        loads.all++
        return real.dev
      }
    })
    expect(dev.core).toBeNull()
    expect(dev.tools).toBeNull()
    expect(loads).toEqual({ core: 0, all: 0 })
    dev.toggle(true)
    dev.refreshOutbox()
    await new Promise((r) => setTimeout(r, 0))
    expect(loads).toEqual({ core: 1, all: 0 })
    expect(dev.core).toBe(real.dev)
    expect(dev.tools).toBeNull()
    expect(dev.links.length).toBe(DEMO_LINK_SPECS.length)
    await expect(dev.load()).resolves.toBe(real.dev)
    expect(dev.tools).toBe(real.dev)
    expect(loads).toEqual({ core: 1, all: 1 })
  })

  test('a failed load leaves the tools null and is tried again on the next use', async () => {
    const real = sandbox()
    let loads = 0
    const dev = new DevStore({
      core: async () => real.dev,
      all: async () => {
        loads++
        if (loads === 1) throw new Error('chunk load failed')
        return real.dev
      }
    })
    await expect(dev.load()).rejects.toThrow('chunk load failed')
    expect(dev.tools).toBeNull()
    await expect(dev.load()).resolves.toBe(real.dev)
    expect(dev.tools).toBe(real.dev)
    expect(loads).toBe(2)
  })
})
