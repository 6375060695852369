/**
 * The few places where WeChat and H5 differ. One adapter per platform:
 * adapter.weapp.ts and adapter.h5.ts; Taro picks the file for the build's platform
 * (multi-platform file resolution), `adapter.ts` re-exports the H5 one for tsc and jest.
 */
export type ScanOutcome = { ok: true; text: string } | { ok: false; cancelled: boolean; message: string }

export interface PlatformAdapter {
  readonly name: 'weapp' | 'h5'
  /** Scans a QR code with the camera (WeChat: scanCode; H5: camera where the browser allows). */
  scanQr(): Promise<ScanOutcome>
  /** Picks a photo or screenshot of a QR code and decodes it. */
  pickQrImage(): Promise<ScanOutcome>
  /** A link the app was opened with (H5: https://host/s/PAYLOAD), consumed once. WeChat passes
   * launch links to the entry page as `q`/`scene` query parameters instead. */
  consumeLaunchLink(): string | null
  /** Scheme + host that links made on this device should use. */
  linkBase(): string
  /** Hosts whose links the QR entry accepts. */
  allowedHosts(): string[]
  /** Asks the platform's privacy consent before album or camera use; false when refused. */
  requirePrivacyConsent(): Promise<boolean>
}
