import type { OrgRole } from '@/services/types'

/** Chinese names of the roles in an enterprise (the org pages only). */
export const ORG_ROLE_LABEL: Record<OrgRole, string> = { SUPER_ADMIN: '超级管理员', EMPLOYEE: '员工' }
