/**
 * Demo data for enterprise onboarding: the licences the sandbox "reads", the enterprise
 * registry it checks them against, and its rules. Everything here is fictional; credit codes
 * carry valid GB 32100 check characters and resident IDs valid GB 11643 ones. Like
 * demoData.ts, this lives in code and is never persisted.
 *
 * How the sandbox reads a picture (it cannot do real OCR): see `readLicense` in model.ts.
 * 1. A demo picture carries a marker, `INKSEAL-DEMO:LICENSE:<KEY>` (in a PNG tEXt chunk, a
 *    JPEG comment, or anywhere in the bytes): the sample with that key is read.
 * 2. Any other picture: the SHA-256 of its bytes picks the outcome, so the same photo always
 *    reads the same: first byte mod 10 = 0 → blurred, 1 → not a licence, else the
 *    `PICKABLE_SAMPLES` entry at (first byte mod their count).
 */
import type { LicenseField, LicenseFields } from '@/domain/enterprise/license'
import { DEMO_ENTERPRISES, DEMO_PEOPLE } from '../core/demoData'

export const DEMO_MARKER_PREFIX = 'INKSEAL-DEMO:'

export type LicenseSampleKey = 'STANDARD' | 'LOW_CONFIDENCE' | 'INDIVIDUAL' | 'GOVERNMENT' | 'OTHER_ORG' | 'REJECT_FIRST' | 'VERIFIED'

export type OcrFailureKey = 'BLURRED' | 'NOT_LICENSE'

export interface DemoPersonInput {
  name: string
  idNumber: string
  mobile: string
}

export interface DemoLicense {
  key: LicenseSampleKey
  label: string
  description: string
  /** What the licence really says (the enterprise registry) */
  fields: LicenseFields
  /** Where OCR reads something else, or is unsure: the value it reads and its confidence */
  ocr?: Partial<Record<LicenseField, { value?: string; confidence: number }>>
  /** The legal representative's identity (fictional) */
  legalRep: DemoPersonInput
  /** A reason the reviewer may give for this enterprise's first letter (审核台 offers it; nothing is decided automatically) */
  rejectFirstLetter?: string
}

const XINGHE = DEMO_ENTERPRISES.XINGHE
const LIU_YANG = DEMO_PEOPLE.LIU_YANG

export const DEMO_LICENSES: Readonly<Record<LicenseSampleKey, DemoLicense>> = {
  STANDARD: {
    key: 'STANDARD',
    label: '北京墨印科技有限公司（企业）',
    description: '识别清晰，可用“法定代表人授权”或“上传授权书”；法定代表人周明远',
    fields: {
      name: '北京墨印科技有限公司',
      creditCode: '91110108MA01W8KX3J',
      legalRepresentative: '周明远',
      orgKind: 'ENTERPRISE',
      address: '北京市海淀区中关村大街27号8层801室',
      registeredOn: '2019-05-16',
      validUntil: '长期'
    },
    legalRep: { name: '周明远', idNumber: '110108198506120033', mobile: '13701012345' }
  },
  LOW_CONFIDENCE: {
    key: 'LOW_CONFIDENCE',
    label: '成都锦里餐饮管理有限公司（识别存疑）',
    description: '信用代码与住所识别置信度低：代码被误读为 91510104MA6C02LJ9P（校验不通过），请改为 91510104MA6CQ2LJ9P',
    fields: {
      name: '成都锦里餐饮管理有限公司',
      creditCode: '91510104MA6CQ2LJ9P',
      legalRepresentative: '何佳',
      orgKind: 'ENTERPRISE',
      address: '四川省成都市锦江区东大街下东大街段99号3栋12层1205号',
      registeredOn: '2018-11-02',
      validUntil: '2038-11-01'
    },
    ocr: {
      creditCode: { value: '91510104MA6C02LJ9P', confidence: 0.58 },
      address: { value: '四川省成都市锦江区东大街下东大街段99号3栋12层1206号', confidence: 0.64 }
    },
    legalRep: { name: '何佳', idNumber: '510107198703040022', mobile: '18180881234' }
  },
  INDIVIDUAL: {
    key: 'INDIVIDUAL',
    label: '杭州市西湖区陈记面馆（个体工商户）',
    description: '个体工商户，经营者陈丽欣',
    fields: {
      name: '杭州市西湖区陈记面馆',
      creditCode: '92330106MA2J7RD857',
      legalRepresentative: '陈丽欣',
      orgKind: 'INDIVIDUAL_BUSINESS',
      address: '浙江省杭州市西湖区文三路138号1楼',
      registeredOn: '2021-03-08',
      validUntil: '长期'
    },
    legalRep: { name: '陈丽欣', idNumber: '330106199007220040', mobile: '15990112233' }
  },
  GOVERNMENT: {
    key: 'GOVERNMENT',
    label: '深圳市南山区政务服务数据管理局（党政机关）',
    description: '党政机关只能上传授权书；负责人林海涛',
    fields: {
      name: '深圳市南山区政务服务数据管理局',
      creditCode: '11440305MB2C19473F',
      legalRepresentative: '林海涛',
      orgKind: 'GOVERNMENT',
      address: '广东省深圳市南山区南头街道桃园路2号',
      registeredOn: '2019-01-15',
      validUntil: '长期'
    },
    legalRep: { name: '林海涛', idNumber: '44030519760915001X', mobile: '13602661234' }
  },
  OTHER_ORG: {
    key: 'OTHER_ORG',
    label: '深圳市电子签名行业协会（其他组织）',
    description: '社会团体，负责人孙强',
    fields: {
      name: '深圳市电子签名行业协会',
      creditCode: '51440300MJL0Q2858M',
      legalRepresentative: '孙强',
      orgKind: 'OTHER',
      address: '广东省深圳市福田区深南大道6008号特区报业大厦16楼',
      registeredOn: '2017-09-20',
      validUntil: '2027-09-19'
    },
    legalRep: { name: '孙强', idNumber: '370202199211030030', mobile: '15166778899' }
  },
  REJECT_FIRST: {
    key: 'REJECT_FIRST',
    label: '广州南沙远航物流有限公司（授权书驳回演示）',
    description: '用于演示审核台驳回授权书（未加盖公章）后重新上传；法定代表人黄志强',
    fields: {
      name: '广州南沙远航物流有限公司',
      creditCode: '91440115MA59R6TN0C',
      legalRepresentative: '黄志强',
      orgKind: 'ENTERPRISE',
      address: '广东省广州市南沙区海滨路171号南沙金融大厦11楼1101之一',
      registeredOn: '2016-07-28',
      validUntil: '长期'
    },
    legalRep: { name: '黄志强', idNumber: '440115198202280054', mobile: '13822334455' },
    rejectFirstLetter: '授权书未加盖企业公章，请由法定代表人签字并加盖公章后重新上传'
  },
  VERIFIED: {
    key: 'VERIFIED',
    label: '杭州星河数字科技有限公司（已认证）',
    description: '该企业已完成认证，确认信息时会提示“企业已认证”',
    fields: {
      name: XINGHE.name,
      creditCode: XINGHE.creditCode,
      legalRepresentative: LIU_YANG.name,
      orgKind: 'ENTERPRISE',
      address: '浙江省杭州市西湖区西溪路556号8幢5楼',
      registeredOn: '2016-04-12',
      validUntil: '长期'
    },
    legalRep: { name: LIU_YANG.name, idNumber: LIU_YANG.idNumber, mobile: LIU_YANG.mobile }
  }
}

export const LICENSE_SAMPLE_KEYS = Object.keys(DEMO_LICENSES) as LicenseSampleKey[]

/** Samples a picture without a marker may be read as (by the hash of its bytes). */
export const PICKABLE_SAMPLES: readonly LicenseSampleKey[] = ['STANDARD', 'LOW_CONFIDENCE', 'INDIVIDUAL', 'GOVERNMENT', 'OTHER_ORG', 'REJECT_FIRST']

export interface OcrFailure {
  key: OcrFailureKey
  label: string
  description: string
  message: string
}

export const OCR_FAILURES: Readonly<Record<OcrFailureKey, OcrFailure>> = {
  BLURRED: {
    key: 'BLURRED',
    label: '模糊的营业执照照片',
    description: '照片模糊，识别失败，需要重新拍摄',
    message: '营业执照照片模糊，无法识别。请在光线充足处将执照放平、对准后重新拍摄'
  },
  NOT_LICENSE: {
    key: 'NOT_LICENSE',
    label: '不是营业执照的图片',
    description: '图片中没有营业执照，识别失败',
    message: '未在图片中识别到营业执照，请拍摄或选择营业执照正本或副本的照片'
  }
}

/** Default OCR confidence of a field read without trouble. */
export const CLEAR_CONFIDENCE: Record<LicenseField, number> = {
  name: 0.99,
  creditCode: 0.98,
  legalRepresentative: 0.97,
  orgKind: 0.99,
  address: 0.93,
  registeredOn: 0.96,
  validUntil: 0.95
}

/** Enterprises that finished onboarding before the sandbox existed (they sign contracts). */
export function preverifiedCreditCodes(): Set<string> {
  return new Set(Object.values(DEMO_ENTERPRISES).map((e) => e.creditCode))
}

/** The enterprise registry: what is registered under a credit code, if the sandbox knows it. */
export function registryLicense(creditCode: string): DemoLicense | null {
  for (const k of LICENSE_SAMPLE_KEYS) if (DEMO_LICENSES[k].fields.creditCode === creditCode) return DEMO_LICENSES[k]
  return null
}
