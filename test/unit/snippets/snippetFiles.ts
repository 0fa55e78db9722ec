// Reads our snippet files and expands a snippet the way VS Code inserts it when the user just presses
// Tab through it: every placeholder keeps its default, a choice its first option, and a bare tab stop
// ($0, $5) is empty unless another occurrence of the same number has a default (VS Code mirrors it).
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The repository: the nearest folder above this bundle (out/test/<layer>/…) that has package.json and snippets/. */
export const ROOT = ((): string => {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'snippets'))) { return dir; }
    if (path.dirname(dir) === dir) { throw new Error(`no repository above ${__dirname}`); }
  }
})();
export const SNIPPETS_DIR = path.join(ROOT, 'snippets');

export interface SnippetEntry {
  /** The snippet's name: VS Code shows it next to the prefix in the completion list. */
  name: string;
  prefix: string;
  description: string;
  body: string;
  isFileTemplate: boolean;
}

export function readSnippetFile(file: string): SnippetEntry[] {
  const json = JSON.parse(fs.readFileSync(path.join(SNIPPETS_DIR, file), 'utf8')) as Record<string, { prefix: string; description: string; body: string | string[]; isFileTemplate?: boolean }>;
  return Object.entries(json).map(([name, s]) => ({
    name, prefix: s.prefix, description: s.description,
    body: Array.isArray(s.body) ? s.body.join('\n') : s.body,
    isFileTemplate: s.isFileTemplate === true,
  }));
}

type Node =
  | { kind: 'text'; text: string }
  | { kind: 'tabstop'; index: number; children?: Node[]; choices?: string[] };

/** Parses VS Code's snippet grammar (the subset with tab stops, placeholders, choices and escapes). */
export function parseSnippet(body: string): Node[] {
  let i = 0;
  const parse = (inPlaceholder: boolean): Node[] => {
    const nodes: Node[] = [];
    let text = '';
    const flush = (): void => { if (text) { nodes.push({ kind: 'text', text }); text = ''; } };
    while (i < body.length) {
      const c = body[i];
      if (c === '\\' && i + 1 < body.length && '$}\\'.includes(body[i + 1])) { text += body[i + 1]; i += 2; continue; }
      if (inPlaceholder && c === '}') { flush(); return nodes; }
      if (c === '$') {
        const simple = /^\$(\d+)/.exec(body.slice(i));
        if (simple) { flush(); nodes.push({ kind: 'tabstop', index: Number(simple[1]) }); i += simple[0].length; continue; }
        const braced = /^\$\{(\d+)(:|\||\})/.exec(body.slice(i));
        if (braced) {
          flush();
          const index = Number(braced[1]);
          i += braced[0].length;
          if (braced[2] === '}') { nodes.push({ kind: 'tabstop', index }); continue; }
          if (braced[2] === ':') {
            const children = parse(true);
            if (body[i] !== '}') { throw new Error(`unclosed placeholder \${${index}:…} in ${JSON.stringify(body)}`); }
            i++;
            nodes.push({ kind: 'tabstop', index, children });
            continue;
          }
          const choices: string[] = [];
          let option = '';
          while (i < body.length && !(body[i] === '|' && body[i + 1] === '}')) {
            if (body[i] === '\\' && ',|\\'.includes(body[i + 1])) { option += body[i + 1]; i += 2; continue; }
            if (body[i] === ',') { choices.push(option); option = ''; i++; continue; }
            option += body[i++];
          }
          if (i >= body.length) { throw new Error(`unclosed choice \${${index}|…|} in ${JSON.stringify(body)}`); }
          choices.push(option);
          i += 2;
          nodes.push({ kind: 'tabstop', index, choices });
          continue;
        }
        if (/^\$\{?[A-Za-z_]/.test(body.slice(i))) { throw new Error(`snippet variables are not used in our snippets: ${body.slice(i, i + 20)}`); }
      }
      text += c;
      i++;
    }
    if (inPlaceholder) { throw new Error(`unclosed placeholder in ${JSON.stringify(body)}`); }
    flush();
    return nodes;
  };
  return parse(false);
}

/**
 * The text VS Code inserts when every placeholder keeps its default and every choice its first option
 * (or, for the tab stops in `picked`, the option given there).
 */
export function expandWithDefaults(body: string, picked: ReadonlyMap<number, string> = new Map()): string {
  const nodes = parseSnippet(body);
  const defaults = new Map<number, Node[] | string>(picked);
  const collect = (list: Node[]): void => {
    for (const n of list) {
      if (n.kind !== 'tabstop') { continue; }
      if (n.choices && !defaults.has(n.index)) { defaults.set(n.index, n.choices[0]); }
      if (n.children) {
        if (!defaults.has(n.index)) { defaults.set(n.index, n.children); }
        collect(n.children);
      }
    }
  };
  collect(nodes);
  const render = (list: Node[]): string => list.map((n) => {
    if (n.kind === 'text') { return n.text; }
    const d = picked.get(n.index) ?? n.children ?? n.choices?.[0] ?? defaults.get(n.index);
    return d === undefined ? '' : typeof d === 'string' ? d : render(d);
  }).join('');
  return render(nodes);
}

/** Every way to expand a snippet that differs in one choice: the defaults first, then each other option of each choice. */
export function choiceVariants(body: string): { label: string; text: string }[] {
  const out = [{ label: 'defaults', text: expandWithDefaults(body) }];
  const visit = (list: Node[]): void => {
    for (const n of list) {
      if (n.kind !== 'tabstop') { continue; }
      n.choices?.slice(1).forEach((option) => out.push({ label: `$${n.index} = ${option}`, text: expandWithDefaults(body, new Map([[n.index, option]])) }));
      if (n.children) { visit(n.children); }
    }
  };
  visit(parseSnippet(body));
  return out;
}

/** Lines that are Dockerfile / .dockerignore comments: the only lines a translation may change. */
export function withoutCommentLines(text: string): string {
  return text.split('\n').filter((l) => !/^\s*#/.test(l)).join('\n');
}

/**
 * A fragment snippet (no FROM of its own) placed in the smallest complete, clean Dockerfile around it,
 * the way a learner would use it: after a FROM, with a non-root USER and a CMD unless it brings its own.
 */
export function inContext(expanded: string): string {
  if (/^FROM\s/im.test(expanded)) { return expanded; }
  const lines = ['FROM debian:12-slim', 'WORKDIR /app', expanded.replace(/\n+$/, '')];
  if (!/^USER\s/im.test(expanded)) { lines.push('USER nobody'); }
  if (!/^(CMD|ENTRYPOINT)\s/im.test(expanded)) { lines.push('CMD ["sh"]'); }
  return `${lines.join('\n')}\n`;
}

export const DOCKERFILE_SNIPPETS = { en: 'dockerfile.code-snippets', 'zh-cn': 'dockerfile.zh-cn.code-snippets' } as const;
export const DOCKERIGNORE_SNIPPETS = { en: 'dockerignore.code-snippets', 'zh-cn': 'dockerignore.zh-cn.code-snippets' } as const;
