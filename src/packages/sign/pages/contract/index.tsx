import { Button, Text, View } from '@tarojs/components'
import Taro, { useDidHide, useDidShow, useRouter, useUnload } from '@tarojs/taro'
import { observer } from 'mobx-react'
import { useEffect, useState } from 'react'
import { PageShell } from '@/components/PageShell'
import { ContractReader } from '@/components/contract/ContractReader'
import { DeclineSheet, SealPicker, SignatureSheet, TextEditor } from '@/components/contract/Sheets'
import { routes } from '@/routes'
import type { Field } from '@/services/types'
import { FLOW_STATUS_LABEL, SIGNER_STATUS_LABEL } from '@/stores/labels'
import { useSigningStore } from '@/stores/features/signing'

/** 合同阅读: read the contract, fill the signer's fields, then on to intent confirmation. */
function Contract() {
  const signing = useSigningStore()
  const { params } = useRouter()
  const flowId = params.flowId || ''
  const [textField, setTextField] = useState<Field | null>(null)
  const [sigField, setSigField] = useState<Field | null>(null)

  useEffect(() => {
    if (flowId) void signing.open(flowId)
  }, [signing, flowId])

  useDidShow(() => {
    signing.consumeAcceptedSignature()
  })
  useDidHide(() => signing.flushDraft())
  useUnload(() => signing.leave())

  // The draft is also written when the page goes away in a browser.
  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5' || typeof window === 'undefined') return undefined
    const save = () => signing.flushDraft()
    window.addEventListener('pagehide', save)
    return () => window.removeEventListener('pagehide', save)
  }, [signing])

  if (!flowId) {
    return (
      <PageShell title='合同阅读'>
        <View className='card card--warn'>
          <Text className='error'>缺少合同编号，请从合同概览或“我的合同”进入。</Text>
          <Button className='btn btn--ghost' onClick={() => Taro.reLaunch({ url: routes.home })}>
            返回首页
          </Button>
        </View>
      </PageShell>
    )
  }

  const load = signing.load
  const c = signing.contract?.flowId === flowId ? signing.contract : null

  /** To the pad (handwriting, or the system signature where the flow allows it). */
  const handwrite = (fieldId: string, system = false) => {
    setSigField(null)
    if (!signing.requestSignature(fieldId)) return
    const allowSystem = !!c?.options.allowSystemSignature
    Taro.navigateTo({ url: routes.signPad({ allowSystem, name: signing.systemSignatureName, system: allowSystem && system }) })
  }

  const onField = (f: Field) => {
    if (!signing.editable) {
      signing.refreshClock()
      if (!signing.editable) {
        Taro.showToast({ title: signing.readingPrompt ?? (signing.pending ? '请先确认上次提交' : '当前不可编辑'), icon: 'none' })
        return
      }
    }
    signing.focusField(f)
    switch (f.type) {
      case 'SIGN_SIGNATURE':
        if (!c?.options.allowSystemSignature && signing.values[f.fieldId]?.kind !== 'SIGN_SIGNATURE') handwrite(f.fieldId)
        else setSigField(f)
        break
      case 'SIGN_SEAL':
      case 'SIGN_PAGING_SEAL':
        signing.openSealPicker(f.fieldId)
        break
      case 'TEXT':
        setTextField(f)
        break
      case 'CHECK_BOX':
        signing.toggleCheck(f.fieldId)
        break
      default:
        break
    }
  }

  const submit = () => {
    if (signing.proceedToIntent()) Taro.navigateTo({ url: routes.intent(flowId) })
  }

  const me = c?.signers.find((s) => s.signerId === c.mySignerId)
  const signable =
    !!c && c.canSign && (signing.phase === 'READING' || signing.phase === 'FILLING' || signing.phase === 'FAILED' || signing.phase === 'CONFIRMING_INTENT')

  return (
    <PageShell title='合同阅读'>
      {load.kind === 'loading' || (load.kind === 'idle' && !c) ? (
        <View className='card'>
          <Text className='hint'>正在加载合同…</Text>
        </View>
      ) : null}

      {load.kind === 'needsVerification' ? (
        <View className='card card--warn' data-testid='contract-verify'>
          <Text className='error'>{load.message}</Text>
          <Button className='btn btn--primary' onClick={() => Taro.redirectTo({ url: routes.verify(flowId) })}>
            去实名认证
          </Button>
        </View>
      ) : null}

      {load.kind === 'error' ? (
        <View className='card card--error' data-testid='contract-error'>
          <Text className='error'>{load.message}</Text>
          {load.retryable ? (
            <Button className='btn btn--primary' onClick={() => void signing.retryLoad()}>
              重试
            </Button>
          ) : null}
          <Button className='btn btn--ghost' onClick={() => Taro.reLaunch({ url: routes.home })}>
            返回首页
          </Button>
        </View>
      ) : null}

      {c && load.kind === 'ready' ? (
        <View data-testid='contract-ready' className='sign-contract'>
          <View className='card sign-head'>
            <View className='card__head'>
              <Text className='card__title'>{c.title}</Text>
              <Text className={`badge badge--${c.status.toLowerCase()}`}>{FLOW_STATUS_LABEL[c.status]}</Text>
            </View>
            <Text className='fineprint'>
              合同编号 {c.contractNo} · 共 {c.pageCount} 页{me ? ` · 我的状态：${SIGNER_STATUS_LABEL[me.status]}` : ''}
            </Text>
          </View>

          {!c.canSign ? (
            <View className='card card--warn' data-testid='contract-readonly'>
              <Text className='error'>{c.blockedMessage ?? signing.closedMessage ?? '本合同当前只能查看'}</Text>
              {c.status !== 'SIGNING' || me?.status !== 'PENDING' ? (
                <Button className='btn btn--small btn--ghost' onClick={() => Taro.navigateTo({ url: routes.result(flowId) })}>
                  查看签署状态
                </Button>
              ) : null}
            </View>
          ) : null}

          {signing.pending && signing.phase === 'FAILED' ? (
            <View className='card card--warn' data-testid='contract-unconfirmed'>
              <Text className='error'>{signing.submitError?.message ?? '上次提交签署的结果未确认'}</Text>
              <Button className='btn btn--small btn--primary' onClick={submit}>
                重新提交
              </Button>
            </View>
          ) : null}

          {signing.notice ? (
            <View className='sign-notice' data-testid='contract-notice' onClick={() => signing.dismissNotice()}>
              <Text>{signing.notice}</Text>
            </View>
          ) : null}

          <ContractReader store={signing} mode={signable ? 'sign' : 'view'} onField={onField} />

          {signable ? (
            <View className='sign-actionbar' data-testid='sign-actionbar'>
              <View className='sign-actionbar__left'>
                {signing.remainingCount > 0 ? (
                  <Text className='sign-remaining' data-testid='remaining'>
                    还需签署 {signing.remainingCount} 处
                  </Text>
                ) : (
                  <Text className='sign-remaining sign-remaining--done' data-testid='remaining'>
                    签署区已全部完成
                  </Text>
                )}
                {signing.remainingCount > 0 ? (
                  <Button className='btn btn--small btn--ghost' onClick={() => signing.focusNext()} data-testid='next-field'>
                    下一处
                  </Button>
                ) : null}
              </View>
              <View className='sign-actionbar__right'>
                {signing.canDecline ? (
                  <Button className='btn btn--small btn--ghost' onClick={() => signing.openDecline(true)} data-testid='open-decline'>
                    拒签
                  </Button>
                ) : null}
                <Button className='btn btn--small btn--primary sign-submit' disabled={!signing.readingSatisfied} onClick={submit} data-testid='sign-submit'>
                  {signing.readingPrompt ?? '提交签署'}
                </Button>
              </View>
            </View>
          ) : null}
        </View>
      ) : null}

      <SealPicker store={signing} />
      <TextEditor store={signing} field={textField} onClose={() => setTextField(null)} />
      <SignatureSheet store={signing} field={sigField} onHandwrite={handwrite} onClose={() => setSigField(null)} />
      <DeclineSheet store={signing} onDeclined={() => Taro.redirectTo({ url: routes.result(flowId) })} />
    </PageShell>
  )
}

export default observer(Contract)
