/** Small helpers the benchmarks share: a positive numeric option, the median, milliseconds in words. */
'use strict';

/** `--name N` as a positive number, `def` when absent. */
function positiveArg(name, def) {
  const i = process.argv.indexOf(`--${name}`);
  if (i === -1) return def;
  const v = Number(process.argv[i + 1]);
  if (!Number.isFinite(v) || v <= 0) throw new Error(`--${name} needs a positive number`);
  return v;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

const ms = (x) => `${Math.round(x).toLocaleString('en-US')} ms`;

module.exports = { positiveArg, median, ms };
