import { PdfVerifyStore } from '../PdfVerifyStore'
import { defineFeature } from '../RootStore'
import { useStore } from '../StoreContext'

/** 合同验签 (packages/verify). */
export const pdfVerifyFeature = defineFeature('pdfVerify', () => new PdfVerifyStore())

export function usePdfVerifyStore(): PdfVerifyStore {
  return useStore().feature(pdfVerifyFeature)
}
