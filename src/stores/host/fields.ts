import { makeAutoObservable } from 'mobx'
import type { FieldType } from '@/domain/contract/fields'
import type { FractionRect } from '@/domain/contract/geometry'
import { FIELD_TYPES_FOR, fieldAt, moveField, resizeField, type FieldDraft, type SignerDraft } from '@/domain/meeting/setup'

export type DragMode = 'move' | 'resize'

/**
 * The fields placed on the contract, per signer, as page fractions: add from the palette,
 * select, move, resize, delete, give to another signer. A drag keeps the rect it started from
 * and applies the pointer's total offset to it (one action per animation frame), so rounding
 * does not creep and the field stays on its page.
 */
export class FieldEditorUnit {
  fields: FieldDraft[] = []
  selectedKey: string | null = null
  /** Why the last edit was refused (Chinese) */
  error: string | null = null
  private seq = 0
  private drag: { key: string; mode: DragMode; from: FractionRect } | null = null

  constructor() {
    makeAutoObservable<FieldEditorUnit, 'seq' | 'drag'>(this, { seq: false, drag: false })
  }

  get selected(): FieldDraft | null {
    return this.fields.find((f) => f.key === this.selectedKey) ?? null
  }

  onPage(page: number): FieldDraft[] {
    return this.fields.filter((f) => f.page === page)
  }

  forSigner(signerKey: string): FieldDraft[] {
    return this.fields.filter((f) => f.signerKey === signerKey)
  }

  /** A new field of `type` for `signer`, centred on (cx, cy) of `page`; its key, or null when refused. */
  add(signer: SignerDraft, type: FieldType, page: number, cx: number, cy: number, pageAspect: number): string | null {
    if (!FIELD_TYPES_FOR[signer.kind].includes(type)) {
      this.error = '个人签署方不能使用印章控件，请先把该签署方改为企业'
      return null
    }
    const key = `f${++this.seq}`
    this.fields.push({ key, signerKey: signer.key, type, page, ...fieldAt(type, cx, cy, pageAspect) })
    this.selectedKey = key
    this.error = null
    return key
  }

  select(key: string | null): void {
    this.selectedKey = key
  }

  remove(key: string): void {
    this.fields = this.fields.filter((f) => f.key !== key)
    if (this.selectedKey === key) this.selectedKey = null
  }

  /** Gives a field to another signer (refused when the type is not allowed for them). */
  reassign(key: string, signer: SignerDraft): boolean {
    const f = this.fields.find((x) => x.key === key)
    if (!f) return false
    if (!FIELD_TYPES_FOR[signer.kind].includes(f.type)) {
      this.error = '个人签署方不能使用印章控件'
      return false
    }
    f.signerKey = signer.key
    this.error = null
    return true
  }

  /** Drops the fields of a removed signer. */
  removeForSigner(signerKey: string): void {
    this.fields = this.fields.filter((f) => f.signerKey !== signerKey)
    if (this.selectedKey && !this.fields.some((f) => f.key === this.selectedKey)) this.selectedKey = null
  }

  /** Drops fields on pages past `pageCount` (a shorter file replaced the contract); how many. */
  keepPages(pageCount: number): number {
    const before = this.fields.length
    this.fields = this.fields.filter((f) => f.page < pageCount)
    return before - this.fields.length
  }

  beginDrag(key: string, mode: DragMode): void {
    const f = this.fields.find((x) => x.key === key)
    if (!f) return
    this.selectedKey = key
    this.drag = { key, mode, from: { x: f.x, y: f.y, w: f.w, h: f.h } }
  }

  /** The pointer moved (dx, dy) page fractions since beginDrag. */
  dragBy(dx: number, dy: number): void {
    const d = this.drag
    const f = d && this.fields.find((x) => x.key === d.key)
    if (!d || !f) return
    const r = d.mode === 'move' ? moveField(d.from, dx, dy) : resizeField(d.from, dx, dy)
    f.x = r.x
    f.y = r.y
    f.w = r.w
    f.h = r.h
  }

  endDrag(): void {
    this.drag = null
  }

  get dragging(): boolean {
    return !!this.drag
  }

  clear(): void {
    this.fields = []
    this.selectedKey = null
    this.error = null
    this.drag = null
  }

  /** Nudges the selected field (keyboard arrows), in page fractions. */
  nudge(dx: number, dy: number): void {
    const f = this.selected
    if (!f) return
    const r = moveField(f, dx, dy)
    f.x = r.x
    f.y = r.y
  }
}
