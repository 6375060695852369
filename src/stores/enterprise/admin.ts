import { makeAutoObservable, runInAction } from 'mobx'
import { validateMobile, validatePersonName, validateResidentId } from '@/domain/identity'
import type { EnterpriseStore } from '@/stores/EnterpriseStore'
import { FormState } from '@/stores/form'
import { personChecks, PERSON_FIELDS, type PersonField } from './core'

const blankPerson = (): Record<PersonField, string> => ({ name: '', idNumber: '', mobile: '' })

/** The super administrator: name, resident ID and mobile, sent once and then wiped. */
export class AdminUnit {
  readonly form: FormState<PersonField>

  constructor(private readonly host: EnterpriseStore) {
    this.form = new FormState<PersonField>(PERSON_FIELDS, blankPerson, (values) => personChecks(values, host.clock))
    makeAutoObservable<AdminUnit, 'host'>(this, { host: false, form: false })
  }

  async save(): Promise<boolean> {
    const host = this.host
    host.refreshClock()
    const id = host.applicationId as string
    const r = await this.form.submit((f) => {
      const admin = {
        name: (validatePersonName(f.name) as { value: string }).value,
        idNumber: (validateResidentId(f.idNumber, host.clock) as { value: { id: string } }).value.id,
        mobile: (validateMobile(f.mobile) as { value: string }).value
      }
      return host.call((session) => host.service.setAdministrator({ session, applicationId: id, admin }))
    })
    if (!r) return false
    return runInAction(() => {
      if (r.ok) {
        host.editing = null
        host.choosingMethod = false
        this.form.reset() // the full numbers leave memory
        host.setApp(r.value)
        return true
      }
      if (r.field) host.error = null
      return false
    })
  }
}
