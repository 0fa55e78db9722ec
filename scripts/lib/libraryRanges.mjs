// Where the Dockerfile libraries' code lies inside a bundle. The language server answers a request empty
// (and logs it) when dockerfile-ast, -utils or -language-service throws a TypeError of its own on a shape
// they do not expect, but lets a TypeError of ours surface (server/src/features/serviceParse.ts). Bundled,
// every frame of a stack names dist/server.js, so this plugin reads the bundle's source map once it is
// written and appends to the bundle the generated ranges whose source is one of those libraries:
//   (globalThis.__dockerLearningLibraryCode ??= {})["server.js"] = [line, column, endLine, endColumn, …]
// (0-based, end exclusive). Appending changes no earlier position. The map itself is not shipped.
import fs from 'node:fs';
import path from 'node:path';

export const LIBRARY_SOURCE = /(^|[\\/])node_modules[\\/]dockerfile-(ast|utils|language-service)[\\/]/;
export const GLOBAL_NAME = '__dockerLearningLibraryCode';

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT = new Map([...BASE64].map((c, i) => [c, i]));

/** One segment's fields of a source map's `mappings` (base64 VLQ). */
function decodeSegment(segment) {
  const values = [];
  let value = 0;
  let shift = 0;
  for (const c of segment) {
    const digit = DIGIT.get(c);
    if (digit === undefined) { throw new Error(`source map: bad character ${JSON.stringify(c)}`); }
    value += (digit & 31) << shift;
    if (digit & 32) { shift += 5; continue; }
    values.push(value & 1 ? -(value >>> 1) : value >>> 1);
    value = 0;
    shift = 0;
  }
  return values;
}

/**
 * The generated ranges mapped to a source matching `isLibrary`, merged where they touch:
 * [line, column, endLine, endColumn, …], 0-based, in order. A segment runs to the next segment on its line
 * (or to the end of the line, written as column Infinity → the next line's start).
 */
export function libraryRanges(map, isLibrary) {
  const library = map.sources.map((s) => isLibrary(s));
  const out = [];
  let source = 0;
  const lines = map.mappings.split(';');
  let open = null; // [line, column] where the current library run started
  const close = (line, column) => { if (open) { out.push(open[0], open[1], line, column); open = null; } };
  for (let line = 0; line < lines.length; line++) {
    let column = 0;
    for (const segment of lines[line].split(',')) {
      if (segment === '') { continue; }
      const v = decodeSegment(segment);
      column += v[0];
      if (v.length >= 4) { source += v[1]; }
      const inLibrary = v.length >= 4 && library[source];
      if (inLibrary && !open) { open = [line, column]; }
      if (!inLibrary && open) { close(line, column); }
    }
  }
  close(lines.length, 0);
  return out;
}

/** esbuild plugin: after each build, the library ranges of every written .js bundle that has a .map. */
export const libraryRangesPlugin = {
  name: 'library-ranges',
  setup(build) {
    build.onEnd((result) => {
      if (result.errors.length > 0) { return; }
      // Named entries written to a directory (the product bundles); other builds (test bundles, a bench's
      // own bundle with `outfile`) are left as they are.
      const { outdir, entryPoints } = build.initialOptions;
      if (!outdir || !entryPoints || Array.isArray(entryPoints) || build.initialOptions.write === false) { return; }
      for (const name of Object.keys(entryPoints)) {
        const file = path.join(build.initialOptions.absWorkingDir ?? process.cwd(), outdir, `${name}.js`);
        const mapFile = `${file}.map`;
        if (!fs.existsSync(file) || !fs.existsSync(mapFile)) { continue; }
        const ranges = libraryRanges(JSON.parse(fs.readFileSync(mapFile, 'utf8')), (s) => LIBRARY_SOURCE.test(s));
        const statement = `\n;(globalThis.${GLOBAL_NAME} ??= {})[${JSON.stringify(path.basename(file))}] = ${JSON.stringify(ranges)};\n`;
        fs.appendFileSync(file, statement);
      }
    });
  },
};
