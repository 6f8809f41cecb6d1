// string-width for CommonJS callers (cli-table3): the same function the rest
// of the bundle uses (string-width 8, an ES module), so tables are measured
// as the renderer measures them. Bundled only (scripts/build.mjs).
module.exports = require('string-width').default;
