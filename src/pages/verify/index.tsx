import Taro, { useRouter, useUnload } from '@tarojs/taro'
import { observer } from 'mobx-react'
import { useEffect } from 'react'
import { FaceStep } from '@/components/FaceStep'
import { RealNameForm } from '@/components/RealNameForm'
import { PageShell } from '@/components/PageShell'
import { routes } from '@/routes'
import { useVerifyStore } from '@/stores/features/verify'
import { useStore } from '@/stores/StoreContext'

/** Real-name verification: name, ID, mobile, SMS code, then face. */
function Verify() {
  const { entry } = useStore()
  const verify = useVerifyStore()
  const { params } = useRouter()
  const flowId = params.flowId || entry.pending?.flowId

  useUnload(() => verify.reset())

  useEffect(() => {
    if (verify.step === 'done') {
      verify.reset()
      Taro.redirectTo({ url: flowId ? routes.overview(flowId) : routes.home })
    }
  }, [verify.step, verify, flowId])

  if (verify.step === 'face') {
    return (
      <PageShell title='实名认证'>
        <FaceStep maskedName={verify.maskedName} busy={verify.busy} error={verify.faceError} onCapture={(c) => void verify.completeFace(c)} />
      </PageShell>
    )
  }

  return (
    <PageShell title='实名认证'>
      <RealNameForm intro={entry.pending ? `签署《${entry.pending.title}》前，请完成实名认证。` : null} />
    </PageShell>
  )
}

export default observer(Verify)
