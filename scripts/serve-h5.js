/**
 * A small static server for the built H5 app. Signing links look like https://host/s/PAYLOAD:
 * any path that is not a file gets index.html, and the app reads the path at launch.
 * Usage: node scripts/serve-h5.js [dir] [port]   (defaults: dist/h5, 10086)
 */
const http = require('http')
const fs = require('fs')
const path = require('path')

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'application/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2'
}

function serveH5(dir, port = 10086, host = '127.0.0.1') {
  const root = path.resolve(dir)
  const index = path.join(root, 'index.html')
  if (!fs.existsSync(index)) throw new Error(`${index} not found: run \`npm run build:h5\` first`)
  const server = http.createServer((req, res) => {
    let pathname
    try {
      pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname)
    } catch {
      res.writeHead(400).end('bad request')
      return
    }
    let file = path.join(root, path.normalize(pathname))
    if (!file.startsWith(root) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) file = index
    res.writeHead(200, {
      'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream',
      'Cache-Control': file === index ? 'no-cache' : 'public, max-age=31536000, immutable'
    })
    fs.createReadStream(file).pipe(res)
  })
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      const actual = server.address().port
      resolve({ server, port: actual, url: `http://localhost:${actual}`, close: () => new Promise((r) => server.close(() => r())) })
    })
  })
}

module.exports = { serveH5 }

if (require.main === module) {
  const [dir = 'dist/h5', port = '10086'] = process.argv.slice(2)
  serveH5(dir, Number(port), '0.0.0.0').then(({ url }) => console.log(`InkSeal H5 on ${url}  (Ctrl+C to stop)`))
}
