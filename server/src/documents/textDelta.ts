// The one replacement that turns one text into another: the common prefix and suffix are skipped in
// blocks (string slices compare like memcmp), so two versions of a 700 KB file differ in well under a
// millisecond. Used to send the validation worker only what changed, and to find the lines an edit touched.

export interface TextDelta {
  /** Offset in `before` where the change starts (the same in `after`). */
  start: number;
  /** Offset in `before` where the replaced text ends. */
  end: number;
  /** What replaces before[start, end). */
  text: string;
}

const BLOCK = 2048;

export function textDelta(before: string, after: string): TextDelta {
  const max = Math.min(before.length, after.length);
  let start = 0;
  while (start + BLOCK <= max && before.slice(start, start + BLOCK) === after.slice(start, start + BLOCK)) { start += BLOCK; }
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) { start++; }
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore - BLOCK >= start && endAfter - BLOCK >= start && before.slice(endBefore - BLOCK, endBefore) === after.slice(endAfter - BLOCK, endAfter)) {
    endBefore -= BLOCK; endAfter -= BLOCK;
  }
  while (endBefore > start && endAfter > start && before.charCodeAt(endBefore - 1) === after.charCodeAt(endAfter - 1)) { endBefore--; endAfter--; }
  return { start, end: endBefore, text: after.slice(start, endAfter) };
}

export function applyDelta(before: string, delta: TextDelta): string {
  return before.slice(0, delta.start) + delta.text + before.slice(delta.end);
}

/**
 * One delta doing what `first` and then `second` do to `base` (second's offsets are in the text first
 * produced). The result spans both edits and whatever lies between them.
 */
export function composeDeltas(base: string, first: TextDelta, second: TextDelta): TextDelta {
  const firstEnd = first.start + first.text.length;
  const start = Math.min(first.start, second.start);
  const regionEnd = Math.max(firstEnd, second.end);
  // The intermediate text over [start, regionEnd): base before first's edit, first's text, base after it.
  const region = base.slice(start, first.start) + first.text + base.slice(first.end, first.end + (regionEnd - firstEnd));
  return { start, end: first.end + (regionEnd - firstEnd), text: region.slice(0, second.start - start) + second.text + region.slice(second.end - start) };
}

/**
 * `from` (a delta on `base`, if any) and then `deltas` in order, as one delta on `base`; nothing at all
 * is the empty delta at the end of the text (as textDelta gives for equal texts).
 */
export function composeAll(base: string, deltas: readonly TextDelta[], from?: TextDelta): TextDelta {
  let acc = from ?? deltas[0];
  if (!acc) { return { start: base.length, end: base.length, text: '' }; }
  for (let i = from ? 0 : 1; i < deltas.length; i++) { acc = composeDeltas(base, acc, deltas[i]); }
  return acc;
}
