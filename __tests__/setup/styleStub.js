// A page's own stylesheet (import './index.css') in jsdom: nothing to apply.
module.exports = {}
