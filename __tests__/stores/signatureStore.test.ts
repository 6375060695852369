import { decodeSignature, SignaturePadCore, type SignatureData } from '@/domain/signature'
import { MemoryStorage } from '@/services/storage'
import { ACCEPTED_KEY, ACCEPTED_TTL_MS, DRAFT_KEY, DRAFT_TTL_MS, SignatureStore, type AcceptedSignature } from '@/stores/SignatureStore'
import { loadFixture, play, RecordingContext } from '../domain/signature/helpers'
import { T0, world } from './helpers'

function drawn(name: 'signature-fast' | 'signature-slow' = 'signature-fast'): SignatureData {
  const f = loadFixture(name)
  const core = new SignaturePadCore({ ctx: new RecordingContext(), width: f.width, height: f.height })
  play(core, f)
  return core.toData()
}

const PNG: AcceptedSignature = {
  png: 'data:image/png;base64,iVBORw0KGgo=',
  width: 600,
  height: 240,
  kind: 'HANDWRITTEN',
  createdAt: T0
}

describe('SignatureStore: draft', () => {
  test('an app restart keeps the draft (RootStore on the same device storage)', () => {
    const w = world()
    expect(w.store.signature.draft).toBeNull()
    const data = drawn()
    w.store.signature.saveDraft(data)
    expect(w.storage.get(DRAFT_KEY)).not.toBeNull()
    const again = w.restart().signature
    expect(again.hasDraft).toBe(true)
    expect(again.draft!.strokes).toHaveLength(data.strokes.length)
    expect(again.draft!.strokes[1].points[2].x).toBeCloseTo(data.strokes[1].points[2].x, 1)
    expect(again.draftSavedAt).toBe(T0)
  })

  test('the draft is stored compactly, with no PNG', () => {
    const storage = new MemoryStorage()
    const s = new SignatureStore(storage, () => T0)
    s.saveDraft(drawn('signature-slow'))
    const raw = storage.get(DRAFT_KEY)!
    expect(raw.length).toBeLessThan(5000)
    expect(raw).not.toContain('data:image')
    expect(decodeSignature(JSON.parse(raw).data)?.strokes).toHaveLength(10)
  })

  test('saving an empty drawing (everything undone or cleared) removes the draft', () => {
    const storage = new MemoryStorage()
    const s = new SignatureStore(storage, () => T0)
    s.saveDraft(drawn())
    s.saveDraft({ width: 800, height: 340, strokes: [] })
    expect(s.draft).toBeNull()
    expect(storage.get(DRAFT_KEY)).toBeNull()
    s.saveDraft(drawn())
    s.clearDraft()
    expect(new SignatureStore(storage, () => T0).draft).toBeNull()
  })

  test('a corrupt or stale draft is dropped on load', () => {
    const storage = new MemoryStorage()
    storage.set(DRAFT_KEY, '{"at":1,"data":"{not json"}')
    expect(new SignatureStore(storage, () => T0).draft).toBeNull()
    expect(storage.get(DRAFT_KEY)).toBeNull()
    const clock = { t: T0 }
    new SignatureStore(storage, () => clock.t).saveDraft(drawn())
    clock.t += DRAFT_TTL_MS + 1
    expect(new SignatureStore(storage, () => clock.t).draft).toBeNull()
  })
})

describe('SignatureStore: accepted signature', () => {
  test('accept keeps the signature (across a restart) and drops the draft; clearAccepted forgets it', () => {
    const w = world()
    const sig = w.store.signature
    sig.saveDraft(drawn())
    sig.accept(PNG)
    expect(sig.accepted).toEqual(PNG)
    expect(sig.draft).toBeNull()
    expect(w.storage.get(DRAFT_KEY)).toBeNull()
    const again = w.restart().signature
    expect(again.accepted).toEqual(PNG)
    again.clearAccepted()
    expect(again.accepted).toBeNull()
    expect(w.restart().signature.accepted).toBeNull()
  })

  test('accept refuses anything that is not a PNG data URL', () => {
    const s = new SignatureStore(new MemoryStorage(), () => T0)
    expect(() => s.accept({ ...PNG, png: 'https://example.com/x.png' })).toThrow()
    expect(s.accepted).toBeNull()
  })

  test('an accepted signature older than a day is not offered again', () => {
    const storage = new MemoryStorage()
    const clock = { t: T0 }
    new SignatureStore(storage, () => clock.t).accept(PNG)
    clock.t = T0 + ACCEPTED_TTL_MS + 1
    expect(new SignatureStore(storage, () => clock.t).accepted).toBeNull()
    expect(storage.get(ACCEPTED_KEY)).toBeNull()
  })

  test('reset forgets draft and accepted signature (sign-out)', () => {
    const storage = new MemoryStorage()
    const s = new SignatureStore(storage, () => T0)
    s.saveDraft(drawn())
    s.accept(PNG)
    s.saveDraft(drawn())
    s.reset()
    expect(s.draft).toBeNull()
    expect(s.accepted).toBeNull()
    expect(storage.data.size).toBe(0)
  })

  test('makeSystemSignature renders the name with the platform renderer, kind SYSTEM, not yet accepted', async () => {
    const s = new SignatureStore(new MemoryStorage(), () => T0)
    // no renderer set: the platform canvas is tried, and there is none in node
    await expect(s.makeSystemSignature('张三')).rejects.toThrow('当前环境无法生成系统签名')
    const names: string[] = []
    s.useRenderer(async (name) => {
      names.push(name)
      return { png: 'data:image/png;base64,AAAA', width: 300, height: 140 }
    })
    const sys = await s.makeSystemSignature('张三')
    expect(names).toEqual(['张三'])
    expect(sys).toEqual({ png: 'data:image/png;base64,AAAA', width: 300, height: 140, kind: 'SYSTEM', createdAt: T0 })
    expect(s.accepted).toBeNull()
    s.accept(sys)
    expect(s.accepted?.kind).toBe('SYSTEM')
  })
})
