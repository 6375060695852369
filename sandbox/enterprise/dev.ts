/**
 * The enterprise module's developer tools: licence samples and completing letter reviews.
 */
import type { EnterpriseDevTools, LicenseSample } from '@/services/types'
import { DEMO_LICENSES, LICENSE_SAMPLE_KEYS, OCR_FAILURES, type OcrFailureKey } from './enterpriseDemo'
import { samplePng, type SampleImageKey } from './enterpriseSamples'
import type { enterpriseParties, EnterprisePartiesContext } from './parties'

export type EnterpriseDevContext = EnterprisePartiesContext & ReturnType<typeof enterpriseParties>

export function enterpriseDev(c: EnterpriseDevContext): Pick<EnterpriseDevTools, 'listLicenseSamples' | 'licenseSampleImage' | 'completeLetterReviews'> {
  const { k, slice } = c
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
    completeLetterReviews(): Promise<number> {
      return k.run('getEnterpriseApplication', ({ t, touch }) => {
        let n = 0
        for (const app of Object.values(slice().applications)) {
          const last = app.letters[app.letters.length - 1]
          if (app.status === 'LETTER_REVIEW' && last && last.outcome === 'PENDING' && last.reviewDueAt > t) {
            last.reviewDueAt = t
            n++
          }
        }
        if (n) touch()
        return n
      })
    }
  }
}
