// Docker does not care whether you write RUN or run, but a file that mixes both is harder to scan.
import type { Range } from 'vscode-languageserver-types';
import type { Rule } from '../rule';
import { KEYWORDS, onbuildTrigger, replace } from '../ruleHelpers';

type Casing = 'upper' | 'lower' | 'mixed';
/** Without upper- or lower-casing a copy of every instruction word on every keystroke (ASCII words, the usual case). */
function casing(w: string): Casing {
  let hasUpper = false;
  let hasLower = false;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c >= 128) { return w === w.toUpperCase() ? 'upper' : w === w.toLowerCase() ? 'lower' : 'mixed'; }
    if (c >= 97 && c <= 122) { hasLower = true; } else if (c >= 65 && c <= 90) { hasUpper = true; }
  }
  return !hasLower ? 'upper' : !hasUpper ? 'lower' : 'mixed';
}

export const rule: Rule = {
  id: 'instruction-casing',
  defaultSeverity: 'warning',
  buildkitCheck: 'ConsistentInstructionCasing',
  title: {
    en: 'Instructions written in inconsistent casing',
    'zh-cn': '指令的大小写写法不一致',
  },
  messages: {
    upper: {
      en: '`{word}` is not written like the other instructions of this file, which are in uppercase. Docker accepts any casing, but consistent uppercase keeps instructions apart from their arguments: write `{expected}`.',
      'zh-cn': '`{word}` 和本文件里其他指令的写法不一致（其他指令都是大写）。Docker 不区分大小写，但统一用大写，指令和参数才一眼分得清：请写成 `{expected}`。',
    },
    lower: {
      en: '`{word}` is not written like the other instructions of this file, which are in lowercase. Docker accepts any casing, but one style throughout is easier to read: write `{expected}` (or change the whole file to the usual uppercase).',
      'zh-cn': '`{word}` 和本文件里其他指令的写法不一致（其他指令都是小写）。Docker 不区分大小写，但全文统一更好读：请写成 `{expected}`（或者把整个文件改成更常见的大写）。',
    },
  },
  fixes: {
    casing: { en: 'Change to {expected}', 'zh-cn': '改为 {expected}' },
  },
  check(model, report) {
    // Count first, then look again only at the instructions written differently from most.
    let upper = 0;
    let lower = 0;
    const count = (word: string): void => {
      const c = casing(word);
      if (c === 'upper') { upper++; } else if (c === 'lower') { lower++; }
    };
    for (const info of model.instructions) {
      const word = info.ins.getInstruction();
      if (KEYWORDS.has(info.keyword)) { count(word); }
      if (info.keyword === 'ONBUILD') {
        const trigger = onbuildTrigger(model, info);
        if (trigger && KEYWORDS.has(trigger.word.toUpperCase())) { count(trigger.word); }
      }
    }
    const majority: Casing = upper >= lower ? 'upper' : 'lower';
    const check = (word: string, range: () => Range): void => {
      if (casing(word) === majority) { return; }
      const expected = majority === 'upper' ? word.toUpperCase() : word.toLowerCase();
      const r = range();
      report({ range: r, message: majority, params: { word, expected }, fixes: [{ title: 'casing', params: { expected }, edits: [replace(r, expected)], preferred: true }] });
    };
    for (const info of model.instructions) {
      if (KEYWORDS.has(info.keyword)) { check(info.ins.getInstruction(), () => info.ins.getInstructionRange()); }
      if (info.keyword === 'ONBUILD') {
        const trigger = onbuildTrigger(model, info);
        if (trigger && KEYWORDS.has(trigger.word.toUpperCase())) { check(trigger.word, () => trigger.range); }
      }
    }
  },
};
