export { SignaturePad, systemSignatureRenderer, type SignaturePadHandle, type SignaturePadProps } from './SignaturePad'
