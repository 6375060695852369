import { Button, Text, View } from '@tarojs/components'
import { observer } from 'mobx-react'
import { fieldRows, type FieldSpec } from '@/components/fieldRows'
import { useOrgStore } from '@/stores/features/org'
import type { MemberField } from '@/stores/OrgStore'

const FIELDS: FieldSpec<MemberField>[] = [
  { field: 'name', label: '姓名', placeholder: '员工的真实姓名', type: 'text', maxlength: 30 },
  { field: 'idNumber', label: '身份证号', placeholder: '18位居民身份证号', type: 'idcard', maxlength: 18 },
  { field: 'mobile', label: '手机号', placeholder: '员工实名认证用的手机号', type: 'number', maxlength: 11 }
]

/** 添加员工: name, ID number, mobile (the administrator only). */
export const MemberForm = observer(function MemberForm() {
  const org = useOrgStore()
  const form = org.member
  const errors = form.errors
  return (
    <View className='card' data-testid='org-member-form'>
      <Text className='card__title'>添加员工</Text>
      <Text className='hint'>员工需使用此处填写的姓名、身份证号和手机号完成实名认证后，才能代表企业签署合同。</Text>
      {fieldRows({
        fields: FIELDS,
        value: (f) => form.values[f],
        onInput: (f, v) => form.set(f, v),
        onBlur: (f) => form.touch(f),
        error: (f) => errors[f],
        inputTestId: (f) => `org-member-${f}`,
        errorTestId: (f) => `org-member-${f}-error`
      })}
      {org.memberError ? (
        <Text className='error' data-testid='org-member-error'>
          {org.memberError}
        </Text>
      ) : null}
      <Button className='btn btn--primary' loading={org.busy} disabled={org.busy} onClick={() => void org.addMember()} data-testid='org-member-add'>
        添加员工
      </Button>
    </View>
  )
})
