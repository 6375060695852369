import { PdfVerifyStore } from '@/stores/PdfVerifyStore'
import { defineFeature } from '@/stores/RootStore'
import { useStore } from '@/stores/StoreContext'

/** 合同验签 (packages/verify). */
export const pdfVerifyFeature = defineFeature('pdfVerify', () => new PdfVerifyStore())

export function usePdfVerifyStore(): PdfVerifyStore {
  return useStore().feature(pdfVerifyFeature)
}
