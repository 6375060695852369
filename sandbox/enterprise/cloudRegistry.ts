/**
 * Demo data for 腾讯云企业快速认证 (the quick path) and the operations desk that reviews
 * authorization letters. Fictional, like enterpriseDemo.ts; lives in code, never persisted.
 *
 * The sandbox's "Tencent Cloud": a few cloud accounts, each held by a person (the operator who
 * verifies as that person in InkSeal) and holding an enterprise the cloud has verified. The
 * enterprise registry's name is kept beside the cloud's: an enterprise renamed since its cloud
 * verification cannot take the quick path.
 */
import type { LicenseFields } from '@/domain/enterprise/license'
import { DEMO_ENTERPRISES, DEMO_PEOPLE, registryEntry, type DemoPerson } from '../core/demoData'
import { DEMO_LICENSES, LICENSE_SAMPLE_KEYS, type DemoPersonInput } from './enterpriseDemo'

export type CloudAccountKey = 'QINGHE' | 'YUNFAN' | 'YUNQIAN'

export interface CloudAccount {
  key: CloudAccountKey
  /** The account holder: who may take the quick path (by their verified identity) */
  holder: DemoPerson
  accountId: string
  label: string
  description: string
  /** The enterprise as the cloud account holds it */
  license: LicenseFields
  /** The name the enterprise registry holds now (differs when renamed since) */
  registeredName: string
  cloudVerifiedOn: string
}

const cloud = (a: Omit<CloudAccount, 'registeredName'> & { registeredName?: string }): CloudAccount => ({
  ...a,
  registeredName: a.registeredName ?? a.license.name
})

export const CLOUD_ACCOUNTS: Readonly<Record<CloudAccountKey, CloudAccount>> = {
  QINGHE: cloud({
    key: 'QINGHE',
    holder: DEMO_PEOPLE.WU_HAO,
    accountId: '100028461937',
    label: '吴昊 · 南京青禾',
    description: '名称一致：确认即完成认证',
    license: {
      name: '南京青禾数据科技有限公司',
      creditCode: '91320105MA1XQH7N2T',
      legalRepresentative: '钟启明',
      orgKind: 'ENTERPRISE',
      address: '南京市建邺区江东中路359号',
      registeredOn: '2019-03-21',
      validUntil: '长期'
    },
    cloudVerifiedOn: '2024-06-03'
  }),
  YUNFAN: cloud({
    key: 'YUNFAN',
    holder: DEMO_PEOPLE.CHEN_CHEN,
    accountId: '100031275804',
    label: '陈晨 · 苏州云帆（已更名）',
    description: '腾讯云仍是旧名称：被拒绝',
    license: {
      name: '苏州云帆网络科技有限公司',
      creditCode: '91320508MA27CYF4XP',
      legalRepresentative: '顾文涛',
      orgKind: 'ENTERPRISE',
      address: '苏州市姑苏区人民路3118号',
      registeredOn: '2021-09-14',
      validUntil: '长期'
    },
    registeredName: '苏州云帆智能科技有限公司',
    cloudVerifiedOn: '2022-02-10'
  }),
  YUNQIAN: cloud({
    key: 'YUNQIAN',
    holder: DEMO_PEOPLE.WANG_FANG,
    accountId: '100019930472',
    label: '王芳 · 深圳前海云签',
    description: '已在 InkSeal 认证：被拒绝',
    license: {
      name: DEMO_ENTERPRISES.YUNQIAN.name,
      creditCode: DEMO_ENTERPRISES.YUNQIAN.creditCode,
      legalRepresentative: DEMO_PEOPLE.WANG_FANG.name,
      orgKind: 'ENTERPRISE',
      address: '深圳市前海前湾一路1号',
      registeredOn: '2018-08-08',
      validUntil: '长期'
    },
    cloudVerifiedOn: '2023-11-20'
  })
}

export const CLOUD_ACCOUNT_KEYS = Object.keys(CLOUD_ACCOUNTS) as CloudAccountKey[]

/** The sandbox operations desk (审核台) that reviews authorization letters: its key and reviewer. */
export const REVIEW_DESK = { key: 'INKSEAL-REVIEW-2026' } as const

/**
 * The ID registry as the enterprise module checks a super administrator against it: the core's
 * people, and the demo licences' legal representatives. Null for an ID it does not know (valid
 * unknown IDs are taken as registered under the name given, as in real-name verification).
 */
export function identityOf(idNumber: string): DemoPersonInput | null {
  const core = registryEntry(idNumber)
  if (core) return { name: core.name, idNumber, mobile: core.person.mobile }
  for (const k of LICENSE_SAMPLE_KEYS) {
    const rep = DEMO_LICENSES[k].legalRep
    if (rep.idNumber === idNumber) return rep
  }
  return null
}
