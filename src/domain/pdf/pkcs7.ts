/**
 * Detached PKCS#7 (CMS SignedData) signatures for PDFs (SubFilter adbe.pkcs7.detached), made
 * and checked with node-forge, which runs in Node, browsers and WeChat's JS engine alike.
 *
 * node-forge signs but has no PKCS#7 verification; checkDetached does what a verifier does
 * for one signer: the messageDigest attribute must equal the SHA-256 of the content, and the
 * signer certificate's key must verify the signature over the DER of the signed attributes.
 */
import forge from 'node-forge'

export interface SignerKeys {
  /** PEM of the signing certificate's private key */
  keyPem: string
  /** PEM of the signing certificate */
  certPem: string
  /** PEMs of the issuing certificates, nearest first (sent along in the signature) */
  chainPems: string[]
}

export function bytesToBinary(bytes: Uint8Array): string {
  let s = ''
  const CHUNK = 0x8000
  for (let i = 0; i < bytes.length; i += CHUNK) {
    s += String.fromCharCode.apply(null, Array.from(bytes.subarray(i, i + CHUNK)))
  }
  return s
}

export function binaryToBytes(s: string): Uint8Array {
  const out = new Uint8Array(s.length)
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i) & 0xff
  return out
}

/** DER of a detached SignedData over `content`, signed with SHA-256 and RSA. */
export function signDetached(content: Uint8Array, keys: SignerKeys, signingTime: Date): Uint8Array {
  const p7 = forge.pkcs7.createSignedData()
  p7.content = forge.util.createBuffer(bytesToBinary(content))
  const cert = forge.pki.certificateFromPem(keys.certPem)
  p7.addCertificate(cert)
  for (const pem of keys.chainPems) p7.addCertificate(forge.pki.certificateFromPem(pem))
  p7.addSigner({
    key: forge.pki.privateKeyFromPem(keys.keyPem),
    certificate: cert,
    digestAlgorithm: forge.pki.oids.sha256,
    authenticatedAttributes: [
      { type: forge.pki.oids.contentType, value: forge.pki.oids.data },
      { type: forge.pki.oids.messageDigest },
      // forge's typings say string; it takes a Date and encodes UTCTime
      { type: forge.pki.oids.signingTime, value: signingTime as unknown as string }
    ]
  })
  p7.sign({ detached: true })
  return binaryToBytes(forge.asn1.toDer(p7.toAsn1()).getBytes())
}

export interface SignerInfo {
  commonName: string
  organization: string
  issuerCommonName: string
  serialNumber: string
  /** the signingTime attribute, ms; null when absent */
  signingTime: number | null
  /** PEM of the signer certificate */
  certPem: string
}

export type DetachedCheck =
  { ok: true; signer: SignerInfo } | { ok: false; reason: 'MALFORMED' | 'DIGEST_MISMATCH' | 'BAD_SIGNATURE' | 'UNSUPPORTED'; signer: SignerInfo | null }

function attr(cert: forge.pki.Certificate, field: 'subject' | 'issuer', name: string): string {
  const a = cert[field].getField(name) as { value?: string } | null
  return a?.value ? forge.util.decodeUtf8(a.value) : ''
}

function decodeUtf8Safe(s: string): string {
  try {
    return forge.util.decodeUtf8(s)
  } catch {
    return s
  }
}

function signerInfo(cert: forge.pki.Certificate, signingTime: number | null): SignerInfo {
  return {
    commonName: decodeUtf8Safe(attr(cert, 'subject', 'CN')),
    organization: decodeUtf8Safe(attr(cert, 'subject', 'O')),
    issuerCommonName: decodeUtf8Safe(attr(cert, 'issuer', 'CN')),
    serialNumber: cert.serialNumber,
    signingTime,
    certPem: forge.pki.certificateToPem(cert)
  }
}

interface RawCapture {
  certificates?: unknown
  authenticatedAttributes?: forge.asn1.Asn1[]
  signature?: string
  digestAlgorithm?: string
}

/**
 * Checks a detached signature (DER, possibly followed by the zero padding of the PDF's
 * /Contents) against the signed bytes.
 */
export function checkDetached(content: Uint8Array, der: Uint8Array): DetachedCheck {
  let p7: forge.pkcs7.PkcsSignedData & { rawCapture: RawCapture }
  try {
    const asn1 = forge.asn1.fromDer(forge.util.createBuffer(bytesToBinary(der)), { parseAllBytes: false } as never)
    p7 = forge.pkcs7.messageFromAsn1(asn1) as typeof p7
  } catch {
    return { ok: false, reason: 'MALFORMED', signer: null }
  }
  const cert = p7.certificates?.[0]
  const raw = p7.rawCapture
  if (!cert || !raw?.authenticatedAttributes || !raw.signature) return { ok: false, reason: 'MALFORMED', signer: null }
  if (raw.digestAlgorithm && forge.asn1.derToOid(raw.digestAlgorithm) !== forge.pki.oids.sha256) {
    return { ok: false, reason: 'UNSUPPORTED', signer: signerInfo(cert, null) }
  }
  let digestAttr: string | null = null
  let signingTime: number | null = null
  for (const a of raw.authenticatedAttributes) {
    const seq = a.value as forge.asn1.Asn1[]
    const oid = forge.asn1.derToOid(seq[0].value as string)
    const first = ((seq[1].value as forge.asn1.Asn1[])[0] ?? null) as forge.asn1.Asn1 | null
    if (!first) continue
    if (oid === forge.pki.oids.messageDigest) digestAttr = first.value as string
    if (oid === forge.pki.oids.signingTime) {
      const v = first.value as string
      const d = first.type === forge.asn1.Type.UTCTIME ? forge.asn1.utcTimeToDate(v) : forge.asn1.generalizedTimeToDate(v)
      signingTime = d.getTime()
    }
  }
  const signer = signerInfo(cert, signingTime)
  const md = forge.md.sha256.create()
  md.update(bytesToBinary(content))
  if (digestAttr === null || digestAttr !== md.digest().getBytes()) return { ok: false, reason: 'DIGEST_MISMATCH', signer }
  // the signature covers the attributes encoded as a SET (RFC 5652 5.4)
  const set = forge.asn1.create(forge.asn1.Class.UNIVERSAL, forge.asn1.Type.SET, true, raw.authenticatedAttributes)
  const attrsMd = forge.md.sha256.create()
  attrsMd.update(forge.asn1.toDer(set).getBytes())
  let verified = false
  try {
    verified = (cert.publicKey as forge.pki.rsa.PublicKey).verify(attrsMd.digest().getBytes(), raw.signature)
  } catch {
    verified = false
  }
  return verified ? { ok: true, signer } : { ok: false, reason: 'BAD_SIGNATURE', signer }
}

/** Whether `certPem` was issued (signed) by `issuerPem`. */
export function issuedBy(certPem: string, issuerPem: string): boolean {
  try {
    return forge.pki.certificateFromPem(issuerPem).verify(forge.pki.certificateFromPem(certPem))
  } catch {
    return false
  }
}
