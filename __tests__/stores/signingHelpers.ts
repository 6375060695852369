/** Helpers shared by the signing store tests and the reliability tests. */
import { makePng } from '../services/signing.helpers'
import { simulatedCapture } from '@/platform/face'
import type { TestRoot } from './testRoot'
import type { AcceptedSignature } from '@/stores/SigningStore'
import type { DemoPerson, World } from './helpers'

/** A real PNG, as the pad would hand over (the services' fixture maker). */
export function signaturePng(w = 120, h = 48, seed = 1): string {
  return makePng(w, h, seed)
}

export function accepted(now: number, seed = 1): AcceptedSignature {
  return { png: signaturePng(120, 48, seed), width: 120, height: 48, kind: 'HANDWRITTEN', createdAt: now }
}

/** Verifies the person (SMS + face) and joins the flow of a demo link, as the app does. */
export async function signIn(w: World, p: DemoPerson, linkLabel: string, store: TestRoot = w.store): Promise<string> {
  const entry = await store.entry.open(w.link(linkLabel))
  expect(entry.kind === 'ready' || entry.kind === 'closed').toBe(true)
  const flowId = entry.kind === 'ready' || entry.kind === 'closed' ? entry.resolution.flow.flowId : ''
  if (entry.kind === 'closed') {
    // Closed flows still resolve; join through the link like the overview does.
    store.entry.setPending({ flowId, linkToken: /\.S\.[^.]+\.([^.]+)\./.exec(w.link(linkLabel))![1], title: '' })
  }
  const v = store.verify
  v.setField('name', p.name)
  v.setField('idNumber', p.idNumber)
  v.setField('mobile', p.mobile)
  await v.sendCode()
  v.setField('smsCode', w.lastCode())
  expect(await v.submit()).toBe(true)
  expect(await v.completeFace(simulatedCapture('blink', true))).toBe(true)
  const flow = await store.flow.open(flowId)
  expect(flow.kind).toBe('ready')
  // the verify form runs a countdown ticker
  v.reset()
  return flowId
}

/** Reads a contract to its end (fetches every chunk, so the last page counts as reached). */
export async function readToEnd(store: TestRoot): Promise<void> {
  const s = store.signing
  s.ensurePages(0, s.pageCount - 1)
  await settle()
  s.refreshClock()
}

export const settle = () => new Promise((r) => setTimeout(r, 0))
