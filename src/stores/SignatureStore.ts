import { makeAutoObservable, observable } from 'mobx'
import { decodeSignature, encodeSignature, renderSystemSignature, type PngImage, type SignatureData } from '@/domain/signature'
import type { KeyValueStore } from '@/services/storage'
import { SIGNATURE_ACCEPTED_KEY as ACCEPTED_KEY, SIGNATURE_DRAFT_KEY as DRAFT_KEY } from './personalKeys'

/** A signature the user confirmed, ready to be placed on a contract. */
export interface AcceptedSignature {
  /** data:image/png;base64,... transparent background, trimmed to the ink */
  png: string
  width: number
  height: number
  kind: 'HANDWRITTEN' | 'SYSTEM'
  createdAt: number
}

/** Renders a name as a system signature image (src/platform/canvas + glyphs, domain export.ts). */
export type SystemSignatureRenderer = (name: string) => Promise<PngImage>

export { SIGNATURE_DRAFT_KEY as DRAFT_KEY, SIGNATURE_ACCEPTED_KEY as ACCEPTED_KEY } from './personalKeys'
/** An accepted signature not used within this time is dropped on load (a shared device). */
export const ACCEPTED_TTL_MS = 24 * 60 * 60 * 1000
/** A draft older than this is dropped on load. */
export const DRAFT_TTL_MS = 7 * 24 * 60 * 60 * 1000

/**
 * The platform canvas renderer, loaded on first use only: the platform layer needs Taro,
 * which node tests of the stores never load. Null where it cannot be loaded.
 */
function platformRenderer(): SystemSignatureRenderer | null {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const canvas = require('@/platform/canvas') as typeof import('@/platform/canvas')
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const glyphs = require('@/platform/glyphs') as typeof import('@/platform/glyphs')
    return (name) => renderSystemSignature(name, canvas.createImageCanvas, glyphs.loadKaiShard)
  } catch {
    return null
  }
}

function isAccepted(v: unknown): v is AcceptedSignature {
  const a = v as AcceptedSignature
  return (
    !!a &&
    typeof a.png === 'string' &&
    a.png.startsWith('data:image/png;base64,') &&
    typeof a.width === 'number' &&
    typeof a.height === 'number' &&
    (a.kind === 'HANDWRITTEN' || a.kind === 'SYSTEM') &&
    typeof a.createdAt === 'number'
  )
}

/**
 * The handwritten signature being drawn (a draft, persisted so that leaving the page or the
 * app going to the background loses nothing) and the accepted signature.
 *
 * The pad saves the draft once per stroke end, undo and clear (never per move). The signing
 * page navigates to the pad, which calls accept() and navigates back; the signing page then
 * reads `accepted`.
 */
export class SignatureStore {
  /** The strokes being drawn, restored on the pad; null when there are none. */
  draft: SignatureData | null = null
  /** When the draft was last saved. */
  draftSavedAt = 0
  accepted: AcceptedSignature | null = null
  private renderer: SystemSignatureRenderer | null = null

  constructor(
    private readonly storage: KeyValueStore,
    private readonly now: () => number,
    renderer?: SystemSignatureRenderer
  ) {
    this.renderer = renderer ?? null
    makeAutoObservable<SignatureStore, 'storage' | 'now' | 'renderer'>(this, {
      storage: false,
      now: false,
      renderer: false,
      draft: observable.ref,
      accepted: observable.ref
    })
    this.load()
  }

  private load(): void {
    const raw = this.storage.get(DRAFT_KEY)
    if (raw) {
      let env: { at?: unknown; data?: unknown } | null = null
      try {
        env = JSON.parse(raw) as { at?: unknown; data?: unknown }
      } catch {
        env = null
      }
      const at = typeof env?.at === 'number' ? env.at : 0
      const data = typeof env?.data === 'string' ? decodeSignature(env.data) : null
      if (data && data.strokes.length && this.now() - at <= DRAFT_TTL_MS) {
        this.draft = data
        this.draftSavedAt = at
      } else {
        this.storage.remove(DRAFT_KEY)
      }
    }
    const acc = this.storage.get(ACCEPTED_KEY)
    if (acc) {
      let parsed: unknown = null
      try {
        parsed = JSON.parse(acc)
      } catch {
        parsed = null
      }
      if (isAccepted(parsed) && this.now() - parsed.createdAt <= ACCEPTED_TTL_MS) this.accepted = parsed
      else this.storage.remove(ACCEPTED_KEY)
    }
  }

  /** True when there is a draft with at least one stroke. */
  get hasDraft(): boolean {
    return !!this.draft && this.draft.strokes.length > 0
  }

  /** Saves the strokes being drawn (empty or null removes the draft). */
  saveDraft(data: SignatureData | null): void {
    if (!data || !data.strokes.length) {
      this.clearDraft()
      return
    }
    const at = this.now()
    this.draft = data
    this.draftSavedAt = at
    this.storage.set(DRAFT_KEY, JSON.stringify({ at, data: encodeSignature(data) }))
  }

  clearDraft(): void {
    this.draft = null
    this.draftSavedAt = 0
    this.storage.remove(DRAFT_KEY)
  }

  /** Keeps the confirmed signature (and drops the draft it came from). */
  accept(sig: AcceptedSignature): void {
    if (!isAccepted(sig)) throw new Error('not a PNG signature')
    this.accepted = { ...sig }
    this.storage.set(ACCEPTED_KEY, JSON.stringify(this.accepted))
    this.clearDraft()
  }

  clearAccepted(): void {
    this.accepted = null
    this.storage.remove(ACCEPTED_KEY)
  }

  /** Forgets everything (sign-out). */
  reset(): void {
    this.clearDraft()
    this.clearAccepted()
  }

  /**
   * Sets how system signatures are rendered. Optional in the app: without it the platform
   * canvas (src/platform/canvas) is used; tests pass their own.
   */
  useRenderer(renderer: SystemSignatureRenderer): void {
    this.renderer = renderer
  }

  /** The verified name set in regular script, as an image. Does not accept it. */
  async makeSystemSignature(name: string): Promise<AcceptedSignature> {
    if (!this.renderer) this.renderer = platformRenderer()
    if (!this.renderer) throw new Error('当前环境无法生成系统签名')
    const img = await this.renderer(name)
    return { png: img.png, width: img.width, height: img.height, kind: 'SYSTEM', createdAt: this.now() }
  }
}
