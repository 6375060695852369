import type { FlowKind, FlowStatus, SignerStatus } from '@/services/types'

export const FLOW_STATUS_LABEL: Record<FlowStatus, string> = {
  SIGNING: '签署中',
  COMPLETED: '已完成',
  EXPIRED: '已过期',
  CANCELLED: '已撤销',
  DECLINED: '已拒签'
}

export const SIGNER_STATUS_LABEL: Record<SignerStatus, string> = {
  PENDING: '待签署',
  SIGNED: '已签署',
  DECLINED: '已拒签',
  EXPIRED: '已过期',
  CANCELLED: '已撤销'
}

export const FLOW_KIND_LABEL: Record<FlowKind, string> = {
  PERSONAL: '个人签署',
  ENTERPRISE_PERSONAL: '企业与个人签署',
  STRATEGIC: '战略签约'
}

/** Why a flow that is not SIGNING cannot be signed from its link. */
export const CLOSED_FLOW_MESSAGE: Record<Exclude<FlowStatus, 'SIGNING'>, string> = {
  COMPLETED: '该合同已完成签署，无需再次签署',
  EXPIRED: '该合同已超过签署截止时间，无法继续签署',
  CANCELLED: '该合同已被发起方撤销，无法继续签署',
  DECLINED: '该合同已被签署方拒签，无法继续签署'
}
