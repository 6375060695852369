import { Button, Image, Input, Text, Textarea, View } from '@tarojs/components'
import dayjs from 'dayjs'
import { observer } from 'mobx-react'
import { useEffect, useState } from 'react'
import { PageShell } from '@/components/PageShell'
import { base64ToBytes } from '@/domain/base64'
import { ORG_KIND_LABEL } from '@/domain/enterprise/license'
import { sizeLabel } from '@/domain/fileType'
import { saveAndOpen } from '@/platform/files'
import { useEnterpriseStore } from '@/stores/features/enterprise'
import { ReviewDeskStore } from '@/stores/EnterpriseStore'
import { useStore } from '@/stores/StoreContext'

/** Opens a PDF letter with the platform's viewer (H5: a download the browser opens). */
async function openPdf(file: { base64: string; mimeType: string }, fileName: string): Promise<void> {
  const bytes = base64ToBytes(file.base64)
  if (bytes) await saveAndOpen(bytes, fileName, file.mimeType)
}

const fmt = (t: number | null) => (t ? dayjs(t).format('YYYY-MM-DD HH:mm') : '')
const OUTCOME = { PENDING: '待审核', APPROVED: '已通过', REJECTED: '已驳回' } as const

/**
 * 审核台: the sandbox operations role that reviews authorization letters. Lists the letters,
 * shows one (the picture, or a PDF's size and hash), approves it or rejects it with a reason the
 * operator reads. The desk key comes from the sandbox's tools when the backend is embedded.
 */
function ReviewDesk() {
  const { service } = useStore()
  const ent = useEnterpriseStore()
  const [desk] = useState(() => new ReviewDeskStore(service))
  const devKey = ent.devTools?.reviewDeskKey() ?? ''

  useEffect(() => {
    if (devKey && !desk.key) {
      desk.setKey(devKey)
      void desk.refresh()
    }
  }, [desk, devKey])

  const o = desk.opened
  return (
    <PageShell title='审核台'>
      <View className='card'>
        <Text className='card__title'>授权书审核（运营）</Text>
        <Text className='hint'>企业提交的授权书在这里由审核人员人工审核：查看授权书，通过或填写原因驳回。</Text>
        <View className='field'>
          <Input className='form-row__input' placeholder='审核口令' value={desk.key} onInput={(e) => desk.setKey(e.detail.value)} data-testid='review-key' />
          <Button className='btn btn--small' disabled={desk.busy} onClick={() => void desk.refresh()} data-testid='review-refresh'>
            刷新
          </Button>
        </View>
        {desk.error ? (
          <Text className='error' data-testid='review-error'>
            {desk.error}
          </Text>
        ) : null}
      </View>

      {o ? (
        <View className='card' data-testid='review-opened'>
          <Text className='card__title'>{o.enterpriseName}</Text>
          <View className='kv'>
            <Text className='kv__k'>统一社会信用代码</Text>
            <Text className='kv__v'>
              {o.creditCode}（{o.registered ? '工商登记可查' : '未在登记信息中查到'}）
            </Text>
          </View>
          <View className='kv'>
            <Text className='kv__k'>主体类型 · 法定代表人</Text>
            <Text className='kv__v'>
              {ORG_KIND_LABEL[o.orgKind]} · {o.legalRepresentative}
            </Text>
          </View>
          <View className='kv'>
            <Text className='kv__k'>经办人 · 超级管理员</Text>
            <Text className='kv__v'>
              {o.operatorMaskedName} · {o.adminMaskedName}
            </Text>
          </View>
          <View className='kv'>
            <Text className='kv__k'>授权书</Text>
            <Text className='kv__v'>
              第 {o.submission} 次提交 · {o.fileName} · {sizeLabel(o.size)} · {fmt(o.submittedAt)}
            </Text>
          </View>
          {o.earlierReasons.length ? <Text className='hint'>此前驳回原因：{o.earlierReasons.join('；')}</Text> : null}
          {o.file && o.file.mimeType.startsWith('image/') ? (
            <Image className='ent-preview' src={`data:${o.file.mimeType};base64,${o.file.base64}`} mode='aspectFit' data-testid='review-letter' />
          ) : o.file ? (
            <View>
              <Text className='hint' data-testid='review-letter'>
                PDF 授权书（{sizeLabel(o.size)}），SHA-256 {o.sha256.slice(0, 16)}…
              </Text>
              <Button
                className='btn btn--small btn--ghost'
                onClick={() => void openPdf(o.file as { base64: string; mimeType: string }, o.fileName)}
                data-testid='review-open-pdf'
              >
                打开 PDF 查看
              </Button>
            </View>
          ) : (
            <Text className='fineprint'>授权书原件未保留（已审核，或超出沙箱保存上限）。SHA-256 {o.sha256.slice(0, 16)}…</Text>
          )}
          {o.outcome === 'PENDING' ? (
            <View>
              <Textarea
                className='form-row__input'
                placeholder='驳回原因（5–200 字），经办人将看到'
                maxlength={200}
                value={desk.reason}
                onInput={(e) => desk.setReason(e.detail.value)}
                onBlur={() => desk.touchReason()}
                data-testid='review-reason'
              />
              {desk.reasonError ? (
                <Text className='error' data-testid='review-reason-error'>
                  {desk.reasonError}
                </Text>
              ) : null}
              <Button className='btn btn--primary' disabled={desk.busy} onClick={() => void desk.decide('APPROVE')} data-testid='review-approve'>
                审核通过
              </Button>
              <Button className='btn btn--ghost' disabled={desk.busy} onClick={() => void desk.decide('REJECT')} data-testid='review-reject'>
                驳回
              </Button>
            </View>
          ) : (
            <Text className='hint' data-testid='review-decided'>
              {OUTCOME[o.outcome]}
              {o.reason ? `：${o.reason}` : ''}
            </Text>
          )}
          <Button className='btn btn--ghost' onClick={() => desk.close()}>
            返回列表
          </Button>
        </View>
      ) : (
        <View className='card' data-testid='review-list'>
          <Text className='card__title'>待审核（{desk.pending.length}）</Text>
          {desk.loaded && !desk.items.length ? <Text className='hint'>暂无授权书</Text> : null}
          {desk.items.map((i) => (
            <View className='ent-sample' key={`${i.applicationId}-${i.submission}`} data-testid='review-item'>
              <View className='ent-sample__text'>
                <Text className='ent-sample__label'>{i.enterpriseName}</Text>
                <Text className='fineprint'>
                  {OUTCOME[i.outcome]} · 第 {i.submission} 次提交 · {fmt(i.submittedAt)}
                  {i.reason ? ` · ${i.reason}` : ''}
                </Text>
              </View>
              <Button className='btn btn--small btn--ghost' disabled={desk.busy} onClick={() => void desk.open(i.applicationId)} data-testid='review-open'>
                查看
              </Button>
            </View>
          ))}
        </View>
      )}
    </PageShell>
  )
}

export default observer(ReviewDesk)
