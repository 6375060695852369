/**
 * Hostile content: markup or scripts in a contract title, a party name or a field label reach
 * the user as text. The sandbox draws them into SVG page images, where they must be escaped.
 */
import { MemoryStorage } from '@/services/storage'
import { createSandbox, DEMO_FLOWS, SANDBOX_STORAGE_KEY } from '@sandbox'
import { join, readAll, setup, svgOf } from './signing.helpers'

const EVIL = '<script>alert(1)</script><img src=x onerror=alert(2)>&amp;'

test('a title and a party name with markup come back as plain strings; the title is escaped in page images', async () => {
  const storage = new MemoryStorage()
  const first = setup({ storage, seed: 4 })
  // An initiator typed markup: edit the persisted flow, as a backend would store what it was given.
  const state = JSON.parse(storage.get(SANDBOX_STORAGE_KEY)!)
  state.flows[DEMO_FLOWS.PERSONAL].title = `租赁合同${EVIL}`
  state.flows[DEMO_FLOWS.PERSONAL].parties.push({ partyType: 'ENTERPRISE', name: `恶意公司${EVIL}` })
  storage.set(SANDBOX_STORAGE_KEY, JSON.stringify(state))
  const env = { ...first, sb: createSandbox({ storage, latency: { min: 0, max: 0 }, now: () => first.clock.t, seed: 4 }) }

  const { session } = await join(env, 'ZHANG_SAN', DEMO_FLOWS.PERSONAL)
  const flow = await env.sb.getFlow({ session, flowId: DEMO_FLOWS.PERSONAL })
  expect(flow.title).toBe(`租赁合同${EVIL}`) // data stays data: the views render it as text
  expect(flow.parties.map((p) => p.name)).toContain(`恶意公司${EVIL}`)
  const contract = await readAll(env, session, DEMO_FLOWS.PERSONAL)
  expect(contract.title).toContain('<script>')
  const pages = await env.sb.getContractPages({ session, flowId: DEMO_FLOWS.PERSONAL, from: 0, count: 1 })
  const svg = svgOf(pages.pages[0].src)
  expect(svg).not.toContain('<script')
  expect(svg).not.toContain('<img')
  expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
  expect(svg).toContain('&amp;amp;')
})
