// One esbuild configuration for the extension, the server and the test bundles, so what the
// tests run is built exactly the way the shipped dist/ is.
import fs from 'node:fs';
import path from 'node:path';
import { libraryRangesPlugin } from './libraryRanges.mjs';

export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');

/**
 * ssh2 (pulled in by dockerode for ssh:// hosts) tries optional native addons inside try/catch and
 * falls back to pure JavaScript. esbuild cannot load `.node` files, so every such require becomes a
 * module that throws like a missing addon would: the fallback path is taken, nothing native ships.
 */
const nativeAddonStub = {
  name: 'native-addon-stub',
  setup(build) {
    build.onResolve({ filter: /\.node$/ }, (args) => ({ path: args.path, namespace: 'native-addon-stub' }));
    build.onResolve({ filter: /^cpu-features$/ }, (args) => ({ path: args.path, namespace: 'native-addon-stub' }));
    build.onLoad({ filter: /.*/, namespace: 'native-addon-stub' }, (args) => ({
      contents: `throw new Error(${JSON.stringify(`native addon ${args.path} is not bundled`)});`,
      loader: 'js',
    }));
  },
};

/** Reads DIR/<lang>/<topic>.md into { topic: { lang: markdown } }. */
function readDocTree(dir) {
  const result = {};
  if (!fs.existsSync(dir)) { return result; }
  for (const lang of fs.readdirSync(dir).sort()) {
    const langDir = path.join(dir, lang);
    if (!fs.statSync(langDir).isDirectory()) { continue; }
    for (const file of fs.readdirSync(langDir).sort()) {
      if (!file.endsWith('.md')) { continue; }
      const topic = file.slice(0, -3);
      (result[topic] ??= {})[lang] = fs.readFileSync(path.join(langDir, file), 'utf8');
    }
  }
  return result;
}

/** Knowledge lives as Markdown data files; this turns each tree into a virtual module. */
const docsModules = {
  name: 'docs-modules',
  setup(build) {
    const trees = { 'docs:hover': 'server/docs/hover', 'docs:rules': 'server/docs/rules' };
    build.onResolve({ filter: /^docs:/ }, (args) => ({ path: args.path, namespace: 'docs' }));
    build.onLoad({ filter: /.*/, namespace: 'docs' }, (args) => {
      const dir = path.join(ROOT, trees[args.path]);
      const files = [];
      if (fs.existsSync(dir)) {
        for (const lang of fs.readdirSync(dir)) {
          const d = path.join(dir, lang);
          if (fs.statSync(d).isDirectory()) { files.push(...fs.readdirSync(d).map((f) => path.join(d, f))); }
        }
      }
      return { contents: JSON.stringify(readDocTree(dir)), loader: 'json', watchFiles: files, watchDirs: [dir] };
    });
  },
};

export function baseOptions({ production = false } = {}) {
  return {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // Production: the map is written but not linked nor shipped; libraryRangesPlugin reads it.
    sourcemap: production ? 'external' : 'linked',
    minify: production,
    external: ['vscode'],
    plugins: [nativeAddonStub, docsModules, libraryRangesPlugin],
    logLevel: 'warning',
    absWorkingDir: ROOT,
  };
}

export function productEntries() {
  return [
    { entryPoints: { extension: 'client/src/extension.ts' }, outdir: 'dist' },
    { entryPoints: { server: 'server/src/server.ts' }, outdir: 'dist' },
    // Diagnostics run in a worker thread started by the server (server/src/incremental/diagnosticsScheduler.ts).
    { entryPoints: { validationWorker: 'server/src/incremental/validationWorker.ts' }, outdir: 'dist' },
  ];
}

function walk(dir, pred, out = []) {
  if (!fs.existsSync(dir)) { return out; }
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) { walk(p, pred, out); } else if (pred(p)) { out.push(p); }
  }
  return out;
}

/** Test bundles: out/test/<layer>/... mirrors test/<layer>/... */
export function testEntries() {
  const entries = walk(path.join(ROOT, 'test'), (p) => /\.test\.ts$/.test(p) || /test[\\/]vscode[\\/](index|installed)\.ts$/.test(p))
    .map((p) => path.relative(ROOT, p));
  // mocha stays external: it is resolved from node_modules at run time (also inside the extension host).
  return [{ entryPoints: entries, outdir: 'out', outbase: '.', external: ['vscode', 'mocha'] }];
}
