// Just enough of the POSIX shell grammar to find the simple commands of a RUN: words (quotes removed),
// the operators between commands, pipes and shell comments. It never executes or expands anything;
// whatever it does not understand ends up inside a word, which makes rules stay silent, not wrong.

export interface Word {
  /** The word with quotes and backslashes removed (expansions are kept as written). */
  value: string;
  /** Offsets in the scanned text: [start, end). */
  start: number;
  end: number;
  /** Some part of the word was quoted or contained an expansion. */
  quoted: boolean;
}

export type Operator = '&&' | '||' | ';' | '|' | '|&' | '&' | '\n' | '(' | ')';

export interface SimpleCommand {
  words: Word[];
  /** Operator before the command (undefined for the first one). */
  before?: Operator;
  /** Operator after the command (undefined for the last one). */
  after?: Operator;
}

export interface ShellScript {
  commands: SimpleCommand[];
  /** Offsets of `|` and `|&` pipe operators. */
  pipes: number[];
  /** Offset of the first shell comment (`#` starting a word), if any. */
  commentAt?: number;
}

const OPERATORS: Operator[] = ['&&', '||', '|&', ';', '|', '&', '\n', '(', ')'];

export function parseShell(text: string): ShellScript {
  const commands: SimpleCommand[] = [];
  const pipes: number[] = [];
  let commentAt: number | undefined;
  let current: Word[] = [];
  let before: Operator | undefined;
  let skipNextWord = false;
  const n = text.length;
  let i = 0;

  const finish = (op: Operator | undefined): void => {
    if (current.length > 0 || op !== undefined) {
      if (current.length > 0) {
        commands.push({ words: current, before, after: op });
      } else if (commands.length > 0 && commands[commands.length - 1].after === undefined) {
        commands[commands.length - 1].after = op;
      }
    }
    current = [];
    before = op;
  };

  while (i < n) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\r') { i++; continue; }
    if (c === '\\' && text[i + 1] === '\n') { i += 2; continue; }
    if (c === '#') {
      commentAt ??= i;
      while (i < n && text[i] !== '\n') { i++; }
      continue;
    }
    const code = text.charCodeAt(i);
    // & | ; newline ( )
    const op = (code === 38 || code === 124 || code === 59 || code === 10 || code === 40 || code === 41) && !(c === '&' && text[i + 1] === '>')
      ? OPERATORS.find((o) => text.startsWith(o, i)) : undefined;
    if (op) {
      if (op === '|' || op === '|&') { pipes.push(i); }
      finish(op);
      i += op.length;
      continue;
    }
    if (c === '>' || c === '<' || c === '&') {
      // A redirection: drop a file-descriptor number written right before it, then its target word.
      const prev = current[current.length - 1];
      if (prev && prev.end === i && /^\d+$/.test(prev.value)) { current.pop(); }
      let j = i + 1;
      while (j < n && (text[j] === '>' || text[j] === '<' || text[j] === '&' || text[j] === '|')) { j++; }
      // `2>&1`: the target is a descriptor glued to the operator.
      if (text[j - 1] === '&' && /\d/.test(text[j] ?? '')) {
        while (j < n && /\d|-/.test(text[j])) { j++; }
      } else {
        skipNextWord = true;
      }
      i = j;
      continue;
    }
    const word = readWord(text, i);
    i = word.end;
    if (skipNextWord) { skipNextWord = false; continue; }
    current.push(word);
  }
  finish(undefined);
  return { commands, pipes, commentAt };
}

/** Blank, operator, redirection, quote, escape, `$` or backquote: the characters that end a plain run. */
function isWordSpecial(code: number): boolean {
  switch (code) {
    case 32: case 9: case 13: case 10: case 59: case 38: case 124: case 40: case 41: case 60: case 62: case 92: case 39: case 34: case 36: case 96:
      return true;
    default:
      return false;
  }
}

function readWord(text: string, start: number): Word {
  let value = '';
  let quoted = false;
  let i = start;
  const n = text.length;
  while (i < n) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\r' || c === '\n' || c === ';' || c === '&' || c === '|' || c === '(' || c === ')' || c === '<' || c === '>') { break; }
    if (c === '\\') {
      if (text[i + 1] === '\n') { i += 2; continue; }
      if (i + 1 < n) { value += text[i + 1]; i += 2; quoted = true; continue; }
      i++;
      continue;
    }
    if (c === "'") {
      const close = text.indexOf("'", i + 1);
      const end = close < 0 ? n : close;
      value += text.slice(i + 1, end);
      i = end + 1;
      quoted = true;
      continue;
    }
    if (c === '"') {
      i++;
      while (i < n && text[i] !== '"') {
        if (text[i] === '\\' && i + 1 < n && '"\\$`\n'.includes(text[i + 1])) {
          if (text[i + 1] !== '\n') { value += text[i + 1]; }
          i += 2;
          continue;
        }
        value += text[i];
        i++;
      }
      i++;
      quoted = true;
      continue;
    }
    if (c === '$' && (text[i + 1] === '(' || text[i + 1] === '{')) {
      const end = matchingClose(text, i + 1);
      value += text.slice(i, end);
      i = end;
      quoted = true;
      continue;
    }
    if (c === '`') {
      const close = text.indexOf('`', i + 1);
      const end = close < 0 ? n : close + 1;
      value += text.slice(i, end);
      i = end;
      quoted = true;
      continue;
    }
    if (c === '$') { quoted = true; }
    // A run of plain characters at once.
    let j = i + 1;
    while (j < n && !isWordSpecial(text.charCodeAt(j))) { j++; }
    value += text.slice(i, j);
    i = j;
  }
  return { value, start, end: Math.min(i, n), quoted };
}

/** Offset just after the bracket that closes the one at `open` (`(` or `{`), skipping quoted text. */
function matchingClose(text: string, open: number): number {
  const openCh = text[open];
  const closeCh = openCh === '(' ? ')' : '}';
  let depth = 0;
  let i = open;
  while (i < text.length) {
    const c = text[i];
    if (c === '\\') { i += 2; continue; }
    if (c === "'") { const close = text.indexOf("'", i + 1); i = close < 0 ? text.length : close + 1; continue; }
    if (c === '"') {
      i++;
      while (i < text.length && text[i] !== '"') { i += text[i] === '\\' ? 2 : 1; }
      i++;
      continue;
    }
    if (c === openCh) { depth++; } else if (c === closeCh) { depth--; if (depth === 0) { return i + 1; } }
    i++;
  }
  return text.length;
}

const RESERVED = new Set(['if', 'then', 'else', 'elif', 'fi', 'do', 'done', 'while', 'until', '!', '{', '}', 'time']);
const WRAPPERS = new Set(['sudo', 'command', 'exec', 'nohup', 'nice', 'env', 'doas']);
/** Options of sudo / env that take a value as the next word. */
const WRAPPER_OPTIONS_WITH_VALUE = new Set(['-u', '-g', '-C', '-D', '-h', '-p', '-r', '-t', '-U', '-n', '--user', '--group', '--chdir', '-S']);

export interface ResolvedCommand {
  /** Index into the command's words of the program actually run (after `sudo`, `env X=1`, `if`, …). */
  index: number;
  /** Program name without its directory: `/usr/bin/apt-get` → `apt-get`. */
  name: string;
  /** Words before the program that ran it through sudo / doas. */
  viaSudo: boolean;
}

/** Finds the program a simple command runs, looking through reserved words, assignments and wrappers. */
export function resolveCommand(cmd: SimpleCommand): ResolvedCommand | undefined {
  const words = cmd.words;
  let i = 0;
  let viaSudo = false;
  while (i < words.length) {
    const w = words[i].value;
    if (RESERVED.has(w) && !words[i].quoted) { i++; continue; }
    if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(w)) { i++; continue; }
    if (WRAPPERS.has(basename(w))) {
      if (w === 'sudo' || w === 'doas' || basename(w) === 'sudo') { viaSudo = true; }
      i++;
      while (i < words.length && words[i].value.startsWith('-')) {
        const opt = words[i].value;
        i++;
        if (WRAPPER_OPTIONS_WITH_VALUE.has(opt) && i < words.length) { i++; }
      }
      continue;
    }
    return { index: i, name: basename(w), viaSudo };
  }
  return undefined;
}

export function basename(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash >= 0 ? path.slice(slash + 1) : path;
}
