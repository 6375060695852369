/**
 * The sandbox's test certificate authority: a self-signed root and the platform's document
 * signing certificate it issues. Made once (the sandbox persists the PEMs) and used to sign
 * every completed contract's PDF. Nothing here is trusted outside InkSeal: the root is a test
 * root, named so.
 */
import forge from 'node-forge'
import type { SignerKeys } from './pkcs7'

export interface TestCa {
  rootCertPem: string
  signer: SignerKeys
}

const YEAR_MS = 365 * 24 * 3600 * 1000

function serial(n: number): string {
  // positive, 16 hex digits
  return ('0' + Math.abs(Math.floor(n)).toString(16)).slice(-16).padStart(16, '1')
}

function name(cn: string): forge.pki.CertificateField[] {
  return [
    { name: 'countryName', value: 'CN' },
    { name: 'organizationName', value: forge.util.encodeUtf8('InkSeal 电子签（沙箱）') },
    { name: 'commonName', value: forge.util.encodeUtf8(cn) }
  ]
}

type KeyPair = { publicKey: forge.pki.rsa.PublicKey; privateKey: forge.pki.rsa.PrivateKey }

function pem(label: string, der: ArrayBuffer): string {
  const b64 = forge.util.encode64(forge.util.binary.raw.encode(new Uint8Array(der)))
  return `-----BEGIN ${label}-----\n${b64.replace(/.{64}/g, '$&\n')}\n-----END ${label}-----\n`
}

/**
 * An RSA key pair: WebCrypto where there is one (browsers, Node: native, well under a second),
 * node-forge's pure JavaScript elsewhere (WeChat's engine: seconds, once).
 */
export async function generateRsaKeyPair(bits: number, opts: { pureJs?: boolean } = {}): Promise<KeyPair> {
  const subtle = (globalThis as { crypto?: Crypto }).crypto?.subtle
  if (subtle && !opts.pureJs) {
    const kp = await subtle.generateKey({ name: 'RSASSA-PKCS1-v1_5', modulusLength: bits, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' }, true, [
      'sign',
      'verify'
    ])
    const privateKey = forge.pki.privateKeyFromPem(pem('PRIVATE KEY', await subtle.exportKey('pkcs8', kp.privateKey))) as forge.pki.rsa.PrivateKey
    const publicKey = forge.pki.publicKeyFromPem(pem('PUBLIC KEY', await subtle.exportKey('spki', kp.publicKey))) as forge.pki.rsa.PublicKey
    return { privateKey, publicKey }
  }
  return new Promise((resolve, reject) => forge.pki.rsa.generateKeyPair({ bits, e: 0x10001, workers: -1 }, (err, kp) => (err ? reject(err) : resolve(kp))))
}

/**
 * Makes the root and the signing certificate. `bits` 2048 for the sandbox; tests may use less.
 */
export async function createTestCa(now: number, bits = 2048, opts: { pureJs?: boolean } = {}): Promise<TestCa> {
  const rootKeys = await generateRsaKeyPair(bits, opts)
  const root = forge.pki.createCertificate()
  root.publicKey = rootKeys.publicKey
  root.serialNumber = serial(now)
  root.validity.notBefore = new Date(now - 24 * 3600 * 1000)
  root.validity.notAfter = new Date(now + 20 * YEAR_MS)
  root.setSubject(name('InkSeal Sandbox Test Root CA'))
  root.setIssuer(name('InkSeal Sandbox Test Root CA'))
  root.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' }
  ])
  root.sign(rootKeys.privateKey, forge.md.sha256.create())

  const keys = await generateRsaKeyPair(bits, opts)
  const cert = forge.pki.createCertificate()
  cert.publicKey = keys.publicKey
  cert.serialNumber = serial(now + 1)
  cert.validity.notBefore = new Date(now - 24 * 3600 * 1000)
  cert.validity.notAfter = new Date(now + 5 * YEAR_MS)
  cert.setSubject(name('InkSeal 电子签 沙箱签章'))
  cert.setIssuer(root.subject.attributes)
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
    { name: 'extKeyUsage', emailProtection: true },
    { name: 'subjectKeyIdentifier' }
  ])
  cert.sign(rootKeys.privateKey, forge.md.sha256.create())

  const rootCertPem = forge.pki.certificateToPem(root)
  return {
    rootCertPem,
    signer: {
      keyPem: forge.pki.privateKeyToPem(keys.privateKey),
      certPem: forge.pki.certificateToPem(cert),
      chainPems: [rootCertPem]
    }
  }
}
