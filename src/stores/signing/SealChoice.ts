import { makeAutoObservable, runInAction } from 'mobx'
import { toServiceError } from '@/services/errors'
import type { MySeals, SealInfo, SealType } from '@/services/types'
import type { FieldDraft } from './FieldDraft'
import type { SigningCore } from './SigningCore'

/** The seals the person may use (`listMySeals`), the picker, and the seal chosen for a field. */
export class SealChoice {
  seals: MySeals | null = null
  sealsError: string | null = null
  /** Field whose seal picker is open */
  sealPickerFor: string | null = null

  constructor(
    private readonly core: SigningCore,
    private readonly draft: FieldDraft
  ) {
    makeAutoObservable<SealChoice, 'core' | 'draft'>(this, { core: false, draft: false }, { autoBind: true })
  }

  reset(): void {
    this.seals = null
    this.sealsError = null
    this.sealPickerFor = null
  }

  async loadSeals(): Promise<void> {
    const token = this.core.token
    const c = this.core.contract
    if (!token || !c) return
    try {
      const seals = await this.core.service.listMySeals({ session: token, flowId: c.flowId, signerId: c.mySignerId })
      runInAction(() => {
        this.seals = seals
        this.sealsError = null
        // A seal that is no longer authorised is dropped from the draft.
        for (const [id, v] of Object.entries(this.draft.values)) {
          if ((v.kind === 'SIGN_SEAL' || v.kind === 'SIGN_PAGING_SEAL') && !seals.seals.some((x) => x.sealId === v.sealId && x.acceptedBy.includes(id))) {
            this.draft.put(id, null)
          }
        }
      })
    } catch (e) {
      const err = toServiceError(e)
      runInAction(() => {
        this.sealsError = err.message
      })
    }
  }

  sealTypeOf(sealId: string): SealType | null {
    return this.seals?.seals.find((s) => s.sealId === sealId)?.sealType ?? null
  }

  /** Seals the person may use that the field accepts. */
  sealsFor(fieldId: string): SealInfo[] {
    return this.seals?.seals.filter((s) => s.acceptedBy.includes(fieldId)) ?? []
  }

  sealOf(fieldId: string): SealInfo | null {
    const v = this.draft.values[fieldId]
    if (!v || (v.kind !== 'SIGN_SEAL' && v.kind !== 'SIGN_PAGING_SEAL')) return null
    return this.seals?.seals.find((s) => s.sealId === v.sealId) ?? null
  }

  /** Why no seal can be chosen for a field (null when some can). */
  noSealMessage(fieldId: string): string | null {
    if (!this.seals) return this.sealsError ?? '正在加载可用印章…'
    if (this.sealsFor(fieldId).length > 0) return null
    return this.seals.hint ?? '您暂无可用于该签署区的印章，请联系企业印章管理员为您授权后再签署'
  }

  openSealPicker(fieldId: string): void {
    if (this.draft.refuseEdit()) return
    this.sealPickerFor = fieldId
    this.draft.touch(fieldId)
    if (!this.seals) void this.loadSeals()
  }

  closeSealPicker(): void {
    this.sealPickerFor = null
  }

  chooseSeal(fieldId: string, sealId: string): boolean {
    if (this.draft.refuseEdit()) return false
    const f = this.draft.myFields.find((x) => x.fieldId === fieldId)
    if (!f || (f.type !== 'SIGN_SEAL' && f.type !== 'SIGN_PAGING_SEAL')) return false
    if (!this.sealsFor(fieldId).some((s) => s.sealId === sealId)) return false
    this.draft.put(fieldId, f.type === 'SIGN_SEAL' ? { kind: 'SIGN_SEAL', sealId } : { kind: 'SIGN_PAGING_SEAL', sealId }, true)
    this.sealPickerFor = null
    this.draft.changed()
    return true
  }
}
