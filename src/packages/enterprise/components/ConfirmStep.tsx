import { Button, Image, Input, Text, View } from '@tarojs/components'
import { observer } from 'mobx-react'
import { LICENSE_FIELD_LABEL, ORG_KIND_LABEL, ORG_KINDS, type LicenseField } from '@/domain/enterprise/license'
import { useEnterpriseStore } from '@/stores/features/enterprise'

const TEXT_FIELDS: { field: LicenseField; placeholder: string; maxlength: number }[] = [
  { field: 'name', placeholder: '与营业执照一致的名称', maxlength: 60 },
  { field: 'creditCode', placeholder: '18位统一社会信用代码', maxlength: 18 },
  { field: 'legalRepresentative', placeholder: '法定代表人（负责人、经营者）姓名', maxlength: 30 },
  { field: 'address', placeholder: '住所（经营场所）', maxlength: 120 },
  { field: 'registeredOn', placeholder: '如 2019-05-16', maxlength: 11 },
  { field: 'validUntil', placeholder: '如 2039-05-15，或“长期”', maxlength: 11 }
]

/** Step 1b: the operator confirms or corrects what OCR read; unsure fields are highlighted. */
export const ConfirmStep = observer(function ConfirmStep() {
  const ent = useEnterpriseStore()
  const errors = ent.licenseErrors
  const anyLow = TEXT_FIELDS.some((f) => ent.lowConfidence(f.field)) || ent.lowConfidence('orgKind')

  const row = (field: LicenseField, child: JSX.Element) => (
    <View className={`form-row ${ent.lowConfidence(field) ? 'ent-field--low' : ''}`} key={field} data-testid={`row-${field}`}>
      <View className='ent-label'>
        <Text className='form-row__label'>{LICENSE_FIELD_LABEL[field]}</Text>
        {ent.lowConfidence(field) ? <Text className='ent-tag ent-tag--warn'>识别存疑，请核对</Text> : null}
      </View>
      {child}
      {errors[field] ? (
        <Text className='error' data-testid={`error-lic-${field}`}>
          {errors[field]}
        </Text>
      ) : null}
    </View>
  )

  return (
    <View className='card' data-testid='step-confirm'>
      <Text className='card__title'>核对营业执照信息</Text>
      {ent.preview ? <Image className='ent-preview' src={ent.preview} mode='aspectFit' /> : null}
      <Text className='hint'>以下信息由系统识别，请与营业执照逐项核对，如有错误请直接修改。</Text>
      {anyLow ? (
        <Text className='ent-tag ent-tag--warn' data-testid='low-confidence-hint'>
          标黄的字段识别置信度较低，请重点核对
        </Text>
      ) : null}
      {TEXT_FIELDS.slice(0, 3).map(({ field, placeholder, maxlength }) =>
        row(
          field,
          <Input
            className='form-row__input'
            maxlength={maxlength}
            placeholder={placeholder}
            value={ent.licenseForm[field]}
            onInput={(e) => ent.setLicenseField(field, e.detail.value)}
            onBlur={() => ent.touchLicense(field)}
            data-testid={`lic-${field}`}
          />
        )
      )}
      {row(
        'orgKind',
        <View className='ent-segments'>
          {ORG_KINDS.map((k) => (
            <View
              key={k}
              className={`ent-segment ${ent.licenseForm.orgKind === k ? 'ent-segment--on' : ''}`}
              onClick={() => {
                ent.setLicenseField('orgKind', k)
                ent.touchLicense('orgKind')
              }}
              data-testid={`lic-orgKind-${k}`}
            >
              <Text>{ORG_KIND_LABEL[k]}</Text>
            </View>
          ))}
        </View>
      )}
      {TEXT_FIELDS.slice(3).map(({ field, placeholder, maxlength }) =>
        row(
          field,
          <Input
            className='form-row__input'
            maxlength={maxlength}
            placeholder={placeholder}
            value={ent.licenseForm[field]}
            onInput={(e) => ent.setLicenseField(field, e.detail.value)}
            onBlur={() => ent.touchLicense(field)}
            data-testid={`lic-${field}`}
          />
        )
      )}
      {ent.error ? (
        <Text className='error' data-testid='ent-error'>
          {ent.error}
        </Text>
      ) : null}
      <Button className='btn btn--primary' loading={ent.busy} disabled={ent.busy} onClick={() => void ent.confirmLicense()} data-testid='confirm-license'>
        确认信息
      </Button>
      <Button className='btn btn--ghost' disabled={ent.busy} onClick={() => ent.retake()}>
        重新上传营业执照
      </Button>
      {ent.editing === 'license' ? (
        <Button className='btn btn--ghost' onClick={() => ent.edit(null)}>
          取消修改
        </Button>
      ) : null}
    </View>
  )
})
