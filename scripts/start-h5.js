/**
 * `npm run start:embedded`: builds the H5 app on the embedded sandbox (in the browser, with the
 * developer panel) and serves it on http://localhost:10086. `npm start` runs the sandbox server
 * and the H5 app on it instead (start-h5-server.js). For a watching dev server, `npm run dev:h5`.
 */
const { execSync } = require('child_process')
const { serveH5 } = require('./serve-h5')

const port = Number(process.env.PORT || 10086)
execSync('npx taro build --type h5', { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } })
serveH5('dist/h5', port, '0.0.0.0').then(({ url }) => {
  console.log(`\nInkSeal H5 (sandbox backend) is running on ${url}`)
  console.log('Open the 开发者面板 on the home page for demo QR links and the SMS the sandbox sends.')
})
