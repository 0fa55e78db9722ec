// Line start offsets with TextDocument's idea of a line break (\r\n, \n or a lone \r), so line numbers
// agree with dockerfile-ast's positions, and the binary search from an offset to its line. Shared by the
// instruction scan, ParsedDocument's line access and hover's changed-region check.
import type { TextDelta } from './textDelta';

export function computeLineStarts(text: string): Int32Array {
  if (!text.includes('\r')) {
    let count = 1;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) { count++; }
    const starts = new Int32Array(count);
    let n = 1;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) { starts[n++] = i + 1; }
    return starts;
  }
  const starts: number[] = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) { i++; }
      starts.push(i + 1);
    } else if (c === 10) {
      starts.push(i + 1);
    }
  }
  return Int32Array.from(starts);
}

/**
 * The line starts after replacing `delta.start`..`delta.end` of a text whose line starts were `starts` with
 * `delta.text`: those before the replacement kept, those after it shifted, those inside it from the new
 * text's line breaks — without reading the rest of the text (an edit of a 25,000-line file: ~0.05 ms instead
 * of ~0.9). Counts \n only: for texts without a lone \r on either side (a \r\n pair breaks after its \n).
 */
export function shiftLineStarts(starts: Int32Array, delta: TextDelta): Int32Array {
  const { start, end, text } = delta;
  // Kept: starts at or before the replacement's start (their line breaks lie before it).
  let keep = lineAt(starts, start) + 1;
  // Dropped: starts whose line break lay inside the replaced part (start < s <= end).
  let after = keep;
  while (after < starts.length && starts[after] <= end) { after++; }
  let added = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) { added++; }
  const result = new Int32Array(keep + added + (starts.length - after));
  result.set(starts.subarray(0, keep));
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) { result[keep++] = start + i + 1; }
  const shift = text.length - (end - start);
  for (let k = after; k < starts.length; k++) { result[keep++] = starts[k] + shift; }
  return result;
}

/**
 * A carriage return not followed by \n: a line break to TextDocument and dockerfile-ast, not to split('\n').
 * Most files have no \r at all, which `includes` tells ~6× faster than the regular expression (the first
 * hover after a 25k-line parse spent 1.6 ms on it).
 */
export function hasLoneCarriageReturn(text: string): boolean {
  return text.includes('\r') && /\r(?!\n)/.test(text);
}

/** The line (by its start offsets) holding `offset`; also any other ascending list of start offsets (chunks). */
export function lineAt(starts: ArrayLike<number>, offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) { lo = mid; } else { hi = mid - 1; }
  }
  return lo;
}

/**
 * `text.split('\n')` of the text made by replacing `delta.start`..`delta.end` of `before` with `delta.text`,
 * from `before`'s lines: the lines the replacement touches are split again, the others are the same strings
 * (one array, instead of one string per line of the whole file on every keystroke: the validation worker's
 * largest garbage). `starts` are `before`'s line starts; for texts without a lone \r on either side, where
 * they are exactly where split('\n') starts its lines. Lines kept this way may hold on to the text they were
 * first split from (one copy of an early version), never to every version. With `consume`, `lines` itself
 * is patched and returned.
 */
export function patchLines(lines: readonly string[], before: string, starts: ArrayLike<number>, delta: TextDelta, consume = false): string[] {
  const first = lineAt(starts, delta.start);
  const last = lineAt(starts, delta.end);
  const from = starts[first];
  const to = last + 1 < starts.length ? starts[last + 1] - 1 : before.length;
  const middle = (before.slice(from, delta.start) + delta.text + before.slice(delta.end, to)).split('\n');
  if (middle.length > 1000) {
    // A paste of many lines: spreading them into splice's arguments could exceed the engine's limit.
    return lines.slice(0, first).concat(middle, lines.slice(last + 1));
  }
  // One copy, then the touched lines replaced in place (a keystroke replaces one line by one: nothing moves).
  // `consume`: nothing reads `lines` afterwards (the validation worker's last version), so no copy at all:
  // 25,011 lines are a list of 200 KB, which V8 allocates as a large object of its own on every keystroke.
  const out = consume ? lines as string[] : lines.slice();
  if (middle.length === last - first + 1) {
    for (let i = 0; i < middle.length; i++) { out[first + i] = middle[i]; }
  } else {
    out.splice(first, last - first + 1, ...middle);
  }
  return out;
}
