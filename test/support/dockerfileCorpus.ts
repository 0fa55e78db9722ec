// The repo's real Dockerfiles (fixtures, grammar cases, samples) as texts, for tests that sweep a corpus.
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Every Dockerfile-like file below the given folders (relative to the repo root). */
export function dockerfileCorpus(root: string, folders: string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    if (!fs.existsSync(dir)) { return; }
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) { walk(p); } else if (/Dockerfile|\.dockerfile$/i.test(e.name)) { out.push(fs.readFileSync(p, 'utf8')); }
    }
  };
  for (const folder of folders) { walk(path.join(root, folder)); }
  return out;
}
