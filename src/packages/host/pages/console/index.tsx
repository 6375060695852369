import { Text, View } from '@tarojs/components'
import { observer } from 'mobx-react'
import { PageShell } from '@/components/PageShell'
import { useHostStore } from '@/stores/features/host'
import { DocumentEditor } from '@/packages/host/components/DocumentEditor'
import { HostVerifyGate } from '@/packages/host/components/HostVerifyGate'
import { LayoutForm } from '@/packages/host/components/LayoutForm'
import { MeetingInfo, SignersEditor } from '@/packages/host/components/MeetingForm'
import { PdfUpload } from '@/packages/host/components/PdfUpload'
import { StartPanel, StartedPanel } from '@/packages/host/components/StartPanel'
import './index.css'

/**
 * 会中签约发起台 (H5 only, a computer's browser): the verified host sets up a meeting (name,
 * times, signers, observers), uploads the contract PDF, drags fields onto its pages per
 * signer, lays out the screen, and starts it. The draft lives in HostStore while the app runs.
 */
function HostConsole() {
  const host = useHostStore()
  return (
    <PageShell title='会中签约发起台'>
      <View className='host' data-testid='host-console'>
        {host.verified ? (
          <Text className='hint' data-testid='host-who'>
            发起人：{host.hostName}（已实名认证）
          </Text>
        ) : (
          <HostVerifyGate />
        )}
        {host.result ? (
          <StartedPanel host={host} />
        ) : (
          <>
            <MeetingInfo host={host} />
            <SignersEditor host={host} />
            <PdfUpload host={host} />
            <DocumentEditor host={host} />
            <LayoutForm host={host} />
            {host.verified ? <StartPanel host={host} /> : null}
          </>
        )}
      </View>
    </PageShell>
  )
}

export default observer(HostConsole)
