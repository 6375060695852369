/**
 * The enterprise module's developer tools: licence samples, the review desk's key (审核台) and
 * the demo Tencent Cloud accounts (快速认证).
 */
import { CLOUD_ACCOUNT_KEYS, CLOUD_ACCOUNTS, REVIEW_DESK } from './cloudRegistry'
import type { EnterpriseDevTools, LicenseSample } from '@/services/types'
import { DEMO_LICENSES, LICENSE_SAMPLE_KEYS, OCR_FAILURES, type OcrFailureKey } from './enterpriseDemo'
import { samplePng, type SampleImageKey } from './enterpriseSamples'
import type { enterpriseParties, EnterprisePartiesContext } from './parties'

export type EnterpriseDevContext = EnterprisePartiesContext & ReturnType<typeof enterpriseParties>

export function enterpriseDev(_c: EnterpriseDevContext): EnterpriseDevTools {
  return {
    listLicenseSamples(): LicenseSample[] {
      const licenses = LICENSE_SAMPLE_KEYS.map((key) => {
        const l = DEMO_LICENSES[key]
        return {
          key,
          label: l.label,
          description: l.description,
          fileName: `营业执照-${key.toLowerCase()}.png`,
          legalRep: { ...l.legalRep },
          creditCode: l.fields.creditCode
        }
      })
      const failures = (Object.keys(OCR_FAILURES) as OcrFailureKey[]).map((key) => ({
        key,
        label: OCR_FAILURES[key].label,
        description: OCR_FAILURES[key].description,
        fileName: `营业执照-${key.toLowerCase()}.png`,
        legalRep: null,
        creditCode: null
      }))
      return [...licenses, ...failures]
    },
    licenseSampleImage(key: string): Uint8Array {
      const known = [...LICENSE_SAMPLE_KEYS, ...Object.keys(OCR_FAILURES), 'LETTER']
      if (!known.includes(key)) throw new Error(`unknown sample ${key}`)
      return samplePng(key as SampleImageKey)
    },
    reviewDeskKey(): string {
      return REVIEW_DESK.key
    },
    listCloudAccounts() {
      return CLOUD_ACCOUNT_KEYS.map((key) => {
        const a = CLOUD_ACCOUNTS[key]
        return { holder: { name: a.holder.name, idNumber: a.holder.idNumber, mobile: a.holder.mobile }, label: a.label, description: a.description }
      })
    }
  }
}
