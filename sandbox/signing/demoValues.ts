import type { ContractView, Field, SubmitValue } from '@/services/types'

/**
 * A value for every field of one signer, the same way each time: one signature image, the given
 * seals, every box ticked, a text. For scripted signers (tests, `npm run sandbox:demo`), not the app.
 */
export function fillEveryField(
  c: ContractView,
  signerId: string,
  o: { png: string; sealId?: string; pagingSealId?: string; text?: string | ((f: Field) => string) }
): SubmitValue[] {
  return c.fields
    .filter((f) => f.signerId === signerId)
    .map((f): SubmitValue => {
      switch (f.type) {
        case 'SIGN_SIGNATURE':
          return { fieldId: f.fieldId, kind: f.type, png: o.png, signatureKind: 'HANDWRITTEN' }
        case 'SIGN_SEAL':
          return { fieldId: f.fieldId, kind: f.type, sealId: o.sealId ?? '' }
        case 'SIGN_PAGING_SEAL':
          return { fieldId: f.fieldId, kind: f.type, sealId: o.pagingSealId ?? o.sealId ?? '' }
        case 'SIGN_DATE':
          return { fieldId: f.fieldId, kind: f.type }
        case 'TEXT':
          return { fieldId: f.fieldId, kind: f.type, text: typeof o.text === 'function' ? o.text(f) : (o.text ?? '2') }
        case 'CHECK_BOX':
          return { fieldId: f.fieldId, kind: f.type, checked: true }
      }
    })
}
