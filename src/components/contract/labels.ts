import type { FieldType } from '@/services/types'

export const FIELD_TYPE_LABEL: Record<FieldType, string> = {
  SIGN_SIGNATURE: '签名',
  SIGN_SEAL: '盖章',
  SIGN_DATE: '签署日期',
  SIGN_PAGING_SEAL: '骑缝章',
  TEXT: '填写',
  CHECK_BOX: '勾选'
}

/** What an empty field of the signer asks for. */
export const FIELD_CALL_TO_ACTION: Record<FieldType, string> = {
  SIGN_SIGNATURE: '点击签名',
  SIGN_SEAL: '点击盖章',
  SIGN_DATE: '签署日期',
  SIGN_PAGING_SEAL: '骑缝章',
  TEXT: '点击填写',
  CHECK_BOX: '点击勾选'
}

export { INTENT_METHOD_LABEL } from '@/services/types'
