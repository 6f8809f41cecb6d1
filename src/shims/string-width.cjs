// string-width for everything in the bundle (Ink, wrap-ansi, cli-table3,
// ES modules and CommonJS alike): the renderer's own display width, so every
// view measures text as the slides do and as terminals draw it
// (src/render/ansi.ts). Bundled only (scripts/build.mjs).
const { displayWidth } = require('../render/ansi.ts');
module.exports = displayWidth;
module.exports.default = displayWidth;
