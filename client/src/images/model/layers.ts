// An image's history as layer rows (the course's 分层), and which Dockerfile line made each row.
// `docker image history` lists the newest step first; each RUN, COPY and ADD adds a filesystem
// layer, every other instruction only changes metadata (0 B). Pure: no `vscode`.
import { parentStage, targetStage, type Instruction, type ParsedDockerfile } from './dockerfile';

/** One row of GET /images/{name}/history. */
export interface HistoryRow {
  id: string;
  created: number;
  createdBy: string;
  size: number;
  tags: string[];
  comment: string;
}

export interface LayerRow {
  /** 0 is the newest (top) row, as `docker image history` prints it. */
  index: number;
  /** RUN, COPY, ENV…; '' for rows that are not a Dockerfile step (an import, a commit). */
  keyword: string;
  /** What made the row, cleaned of the builder's "/bin/sh -c #(nop)" wrapping. */
  text: string;
  size: number;
  /** Only metadata: the step changed the image's configuration, not its files. */
  metadataOnly: boolean;
  /** A layer in the image's own chain when the engine still has it; '<missing>' rows are pulled or loaded. */
  id?: string;
  created: number;
  tags: string[];
  comment: string;
}

const KEYWORDS = new Set(['ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'HEALTHCHECK', 'LABEL', 'MAINTAINER',
  'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR']);

/** Strips the classic builder's `|2 A=1 B=2 ` prefix (build args in scope of a RUN). */
function stripArgPrefix(text: string): string {
  const m = /^\|(\d+)\s/.exec(text);
  if (!m) { return text; }
  let rest = text.slice(m[0].length);
  for (let n = Number(m[1]); n > 0; n--) {
    // Values have no quoting in this prefix: each is KEY=value up to the next space.
    rest = rest.replace(/^\S*=\S*\s?/, '');
  }
  return rest;
}

export function describeCreatedBy(createdBy: string): { keyword: string; text: string; metadataOnly: boolean } {
  let text = createdBy.trim();
  if (!text) { return { keyword: '', text: '', metadataOnly: false }; }
  const buildkit = / # buildkit$/.test(text);
  text = text.replace(/\s*# buildkit$/, '');
  const nop = /^\/bin\/sh -c #\(nop\)\s+([\s\S]*)$/.exec(text);
  if (nop) {
    const body = nop[1].trim();
    const keyword = body.split(/\s+/)[0].toUpperCase();
    return { keyword: KEYWORDS.has(keyword) ? keyword : '', text: body.replace(/\s+$/, ''), metadataOnly: keyword !== 'COPY' && keyword !== 'ADD' };
  }
  const first = text.split(/\s+/)[0];
  if (KEYWORDS.has(first) && (buildkit || first !== 'RUN' || /^RUN\s/.test(text))) {
    if (first === 'RUN') {
      const cmd = stripArgPrefix(text.slice(4).trim()).replace(/^\/bin\/sh -c /, '');
      return { keyword: 'RUN', text: `RUN ${cmd}`, metadataOnly: false };
    }
    return { keyword: first, text, metadataOnly: first !== 'COPY' && first !== 'ADD' };
  }
  const stripped = stripArgPrefix(text);
  if (stripped.startsWith('/bin/sh -c ')) { return { keyword: 'RUN', text: `RUN ${stripped.slice('/bin/sh -c '.length)}`, metadataOnly: false }; }
  if (stripped !== text) { return { keyword: 'RUN', text: `RUN ${stripped}`, metadataOnly: false }; }
  // An exec-form RUN without build args, or a `docker container commit` (the container's command).
  return { keyword: '', text, metadataOnly: false };
}

export function historyToLayers(history: HistoryRow[]): LayerRow[] {
  return history.map((h, index) => {
    const d = describeCreatedBy(h.createdBy);
    return {
      index, keyword: d.keyword, text: d.text || h.comment, size: h.size, metadataOnly: d.metadataOnly && h.size === 0,
      id: h.id && h.id !== '<missing>' ? h.id : undefined, created: h.created, tags: h.tags, comment: h.comment,
    };
  });
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The command a RUN instruction leaves in the history: its shell text, or its exec array joined. */
function runText(ins: Instruction): string {
  const args = ins.args.replace(/^(--\S+\s+)+/, '');
  if (args.startsWith('[')) {
    try { const words = JSON.parse(args) as unknown; if (Array.isArray(words)) { return squash(words.join(' ')); } } catch { /* shell form after all */ }
  }
  return squash(args);
}

function rowMatches(row: LayerRow, ins: Instruction): boolean {
  if (ins.keyword === 'RUN') {
    const cmd = row.keyword === 'RUN' ? row.text.slice(4) : row.keyword === '' ? row.text : undefined;
    return cmd !== undefined && squash(cmd) === runText(ins);
  }
  return row.keyword === ins.keyword;
}

/**
 * Which Dockerfile instruction made each row: walks the built stage's instructions from the last
 * one up (continuing into the stage it is FROM when that is another stage) against the rows from
 * the top. Rows a build adds on top (`--label` becomes one LABEL step) may be skipped; a builder
 * that records no row for ARG may skip those. Anything else that does not line up means the file
 * changed since the build: then nothing is linked rather than something wrongly.
 */
export function matchLayersToDockerfile(rows: LayerRow[], parsed: ParsedDockerfile, target?: string): Map<number, Instruction> {
  let stage = targetStage(parsed, target);
  const chain: Instruction[] = [];
  const seen = new Set<number>();
  while (stage && !seen.has(stage.index)) {
    seen.add(stage.index);
    chain.push(...[...stage.instructions].reverse());
    stage = parentStage(parsed, stage);
  }
  if (chain.length === 0) { return new Map(); }
  for (let offset = 0; offset <= 2 && offset < rows.length; offset++) {
    if (rows.slice(0, offset).some((r) => r.keyword !== 'LABEL')) { break; }
    const result = new Map<number, Instruction>();
    let r = offset;
    let ok = true;
    for (const ins of chain) {
      if (r < rows.length && rowMatches(rows[r], ins)) { result.set(r, ins); r++; continue; }
      if (ins.keyword === 'ARG') { continue; }
      ok = false; break;
    }
    // At least one step with content must agree, or a LABEL-only coincidence could link a stranger.
    if (ok && [...result.values()].some((ins) => ins.keyword !== 'ARG' && ins.keyword !== 'LABEL')) { return result; }
  }
  return new Map();
}

/** Runs of two or more RUN rows in a row: where chaining commands with && would save layers. */
export function runChains(rows: LayerRow[]): number[][] {
  const chains: number[][] = [];
  let current: number[] = [];
  for (const row of rows) {
    if (row.keyword === 'RUN') { current.push(row.index); continue; }
    if (current.length >= 2) { chains.push(current); }
    current = [];
  }
  if (current.length >= 2) { chains.push(current); }
  return chains;
}
