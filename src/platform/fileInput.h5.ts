/**
 * H5: one file from a hidden `<input type=file>`, or null when the chooser is cancelled.
 * Written by hand rather than Taro.chooseImage because the landing page needs it (a QR picture
 * from the album) and Taro's chooser brings its action sheet, toast and modal implementations
 * (≈ 28 KB) into the landing route's code.
 */
export function chooseLocalFile(accept: string, testId: string): Promise<File | null> {
  return new Promise<File | null>((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = accept
    input.setAttribute('data-testid', testId)
    input.style.cssText = 'position:fixed;top:-4000px;left:-4000px;opacity:0'
    let done = false
    const finish = (f: File | null) => {
      if (done) return
      done = true
      input.remove()
      resolve(f)
    }
    input.onchange = () => finish(input.files?.[0] ?? null)
    input.addEventListener('cancel', () => finish(null))
    document.body.appendChild(input)
    input.click()
  })
}
