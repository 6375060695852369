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

/**
 * Makes the root and the signing certificate. `bits` 2048 for the sandbox; tests may use less.
 * RSA key generation is the slow part (pure JavaScript where no native crypto is at hand).
 */
export function createTestCa(now: number, bits = 2048): TestCa {
  const rootKeys = forge.pki.rsa.generateKeyPair({ bits, e: 0x10001 })
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

  const keys = forge.pki.rsa.generateKeyPair({ bits, e: 0x10001 })
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
