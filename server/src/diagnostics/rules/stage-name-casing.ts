// Stage names are compared ignoring case; writing them in lowercase everywhere avoids `Builder` here
// and `builder` there looking like two different things.
import type { Range, TextEdit } from 'vscode-languageserver-types';
import type { Rule } from '../rule';
import { flagOf, replace } from '../ruleHelpers';

export const rule: Rule = {
  id: 'stage-name-casing',
  defaultSeverity: 'warning',
  buildkitCheck: 'StageNameCasing',
  title: {
    en: 'Build stage name not in lowercase',
    'zh-cn': '构建阶段名称不是小写',
  },
  messages: {
    casing: {
      en: 'Write the stage name `{name}` in lowercase (`{lower}`). Docker compares stage names ignoring case, so `{name}` and `{lower}` are the same stage — lowercase everywhere keeps that from looking like two.',
      'zh-cn': '请把阶段名 `{name}` 写成小写（`{lower}`）。Docker 比较阶段名时不区分大小写，`{name}` 和 `{lower}` 是同一个阶段——统一用小写，就不会看起来像两个。',
    },
  },
  fixes: {
    lower: { en: 'Rename to {lower} (and its references)', 'zh-cn': '改名为 {lower}（连同所有引用）' },
  },
  check(model, report) {
    const miscased = model.stages.filter((s) => s.nameRaw && s.nameRange && s.nameRaw !== s.nameRaw.toLowerCase());
    if (miscased.length === 0) { return; }
    // Every place a stage is referred to by name, gathered once: FROM <stage>, COPY --from=<stage>.
    const references = new Map<string, { range: Range; value: string }[]>();
    const add = (name: string, range: Range) => { (references.get(name.toLowerCase()) ?? references.set(name.toLowerCase(), []).get(name.toLowerCase())!).push({ range, value: name }); };
    for (const other of model.stages) {
      if (other.parent && other.from.image) { add(other.from.image.value, other.from.image.range); }
      for (const info of other.instructions) {
        if (info.keyword !== 'COPY') { continue; }
        const flag = flagOf(model, info, 'from');
        if (flag?.value && flag.valueRange) { add(flag.value, flag.valueRange); }
      }
    }
    for (const stage of miscased) {
      const lower = stage.nameRaw!.toLowerCase();
      const edits: TextEdit[] = [replace(stage.nameRange!, lower)];
      for (const ref of references.get(lower) ?? []) {
        if (ref.value !== lower) { edits.push(replace(ref.range, lower)); }
      }
      report({
        range: stage.nameRange!,
        message: 'casing',
        params: { name: stage.nameRaw!, lower },
        fixes: [{ title: 'lower', params: { lower }, edits, preferred: true }],
      });
    }
  },
};
