import { makeAutoObservable } from 'mobx'
import type { EnterpriseStore } from '@/stores/EnterpriseStore'
import { WAITING } from './core'

/** Where the operator is. */
export type OperatorStep = 'verify' | 'start' | 'loading' | 'license' | 'confirm' | 'admin' | 'method' | 'status'

/**
 * Where the operator is, read from the application's status as the backend's state machine
 * (src/domain/enterprise/application.ts) left it and what the operator opened again; and the
 * polling while the application waits on someone else.
 */
export class StatusUnit {
  private pollTimer: ReturnType<typeof setInterval> | null = null

  constructor(private readonly host: EnterpriseStore) {
    makeAutoObservable<StatusUnit, 'host' | 'pollTimer'>(this, { host: false, pollTimer: false })
  }

  get step(): OperatorStep {
    const host = this.host
    if (!host.session.active) return 'verify'
    if (!host.applicationId) return 'start'
    const app = host.app
    if (!app || app.applicationId !== host.applicationId) return 'loading'
    switch (app.status) {
      case 'DRAFT':
        return app.ocr && !host.retaking ? 'confirm' : 'license'
      case 'LICENSE_CONFIRMED':
        if (host.retaking) return 'license'
        return host.editing === 'license' ? 'confirm' : 'admin'
      case 'ADMIN_SET':
        if (host.retaking) return 'license'
        if (host.editing === 'license') return 'confirm'
        return host.editing === 'admin' ? 'admin' : 'method'
      case 'LETTER_REJECTED':
      case 'LEGAL_REP_PENDING':
      case 'REFUSED_BY_LEGAL_REP':
        if (host.editing === 'admin') return 'admin'
        return host.choosingMethod ? 'method' : 'status'
      default:
        return 'status'
    }
  }

  get waiting(): boolean {
    return !!this.host.app && WAITING.includes(this.host.app.status)
  }

  /** Polls while a letter is reviewed or the legal representative has not answered. */
  startPolling(intervalMs = 3000): void {
    this.stopPolling()
    this.pollTimer = setInterval(() => {
      if (this.waiting) void this.host.refresh()
    }, intervalMs)
  }

  stopPolling(): void {
    if (this.pollTimer) clearInterval(this.pollTimer)
    this.pollTimer = null
  }
}
