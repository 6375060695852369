import { Input, Text, View } from '@tarojs/components'

/** One labelled text input of a form: what the real-name, administrator, legal-representative and member forms share. */
export interface FieldSpec<F extends string> {
  field: F
  label: string
  placeholder: string
  type: 'text' | 'idcard' | 'number'
  maxlength: number
}

export interface FieldRowsProps<F extends string> {
  fields: readonly FieldSpec<F>[]
  value: (field: F) => string
  onInput: (field: F, value: string) => void
  onBlur: (field: F) => void
  /** the message under the field, or nothing */
  error: (field: F) => string | null | undefined
  inputTestId: (field: F) => string
  errorTestId: (field: F) => string
}

/**
 * The rows of such a form. A render function, not a component: it runs inside the calling
 * observer's render, so the observables it reads (values, errors) are tracked there.
 */
export function fieldRows<F extends string>(p: FieldRowsProps<F>) {
  return p.fields.map(({ field, label, placeholder, type, maxlength }) => {
    const error = p.error(field)
    return (
      <View className='form-row' key={field}>
        <Text className='form-row__label'>{label}</Text>
        <Input
          className='form-row__input'
          type={type}
          maxlength={maxlength}
          placeholder={placeholder}
          value={p.value(field)}
          onInput={(e) => p.onInput(field, e.detail.value)}
          onBlur={() => p.onBlur(field)}
          data-testid={p.inputTestId(field)}
        />
        {error ? (
          <Text className='error' data-testid={p.errorTestId(field)}>
            {error}
          </Text>
        ) : null}
      </View>
    )
  })
}
