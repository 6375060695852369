import { PdfOpenError, type PdfRenderer } from './pdfRenderTypes'

export * from './pdfRenderTypes'

/** WeChat: the host console is H5 only (a browser on a computer); there is no PDF renderer. */
export const pdfRenderer: PdfRenderer = {
  async open(): Promise<never> {
    throw new PdfOpenError('OTHER', '小程序中不支持上传合同，请在电脑浏览器中打开会议发起台')
  }
}
