// npm run build [-- --watch] [-- --production] [-- --tests]
import * as esbuild from 'esbuild';
import { baseOptions, productEntries, testEntries } from './lib/esbuildConfig.mjs';

const args = new Set(process.argv.slice(2));
const production = args.has('--production');
const jobs = [...productEntries(), ...(args.has('--tests') ? testEntries() : [])];

const started = Date.now();
if (args.has('--watch')) {
  for (const job of jobs) {
    const ctx = await esbuild.context({ ...baseOptions({ production }), ...job });
    await ctx.watch();
  }
  console.log('[build] watching for changes…');
} else {
  await Promise.all(jobs.map((job) => esbuild.build({ ...baseOptions({ production }), ...job })));
  console.log(`[build] ${jobs.length} bundles in ${Date.now() - started} ms${production ? ' (production)' : ''}`);
}
