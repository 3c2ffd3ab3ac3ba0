// The size budget of the core: at most 10 kB minified and gzipped, everything it pulls in included.
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';

const BUDGET = 10 * 1024;
const result = await build({
  entryPoints: ['src/index.ts'], bundle: true, minify: true, format: 'esm', write: false, platform: 'neutral',
});
const minified = result.outputFiles[0].contents;
const gzipped = gzipSync(minified, { level: 9 }).length;
console.log(`@watchword/client: ${minified.length} B minified, ${gzipped} B min+gzip (budget ${BUDGET} B)`);
if (gzipped > BUDGET) {
  console.error('@watchword/client is over its size budget');
  process.exit(1);
}
