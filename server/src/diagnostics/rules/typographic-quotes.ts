// `CMD [“npm”, “start”]`: quotes pasted from a document or typed with a Chinese input method. Docker
// only takes exec form when the text is valid JSON, so it silently falls back to shell form.
import type { TextEdit } from 'vscode-languageserver-types';
import type { Rule } from '../rule';
import { execText, replace } from '../ruleHelpers';
import { isJsonStringArray, parseJsonArray } from '../model/model';

/** Look-alikes and the ASCII character JSON needs instead. */
const LOOKALIKES: Record<string, string> = {
  '\u201c': '"', '\u201d': '"', '\u201e': '"', '\u201f': '"', '\u2033': '"', '\uff02': '"',
  '\u2018': '"', '\u2019': '"', '\u201a': '"', '\u201b': '"',
  '\uff0c': ',', '\uff3b': '[', '\uff3d': ']', '\u3000': ' ',
};
const LOOKALIKE_RE = /[\u201c\u201d\u201e\u201f\u2033\uff02\u2018\u2019\u201a\u201b\uff0c\uff3b\uff3d\u3000]/g;

export const rule: Rule = {
  id: 'typographic-quotes',
  defaultSeverity: 'warning',
  title: {
    en: 'Typographic quotes or full-width punctuation in an exec form (JSON array)',
    'zh-cn': 'exec 形式（JSON 数组）里用了弯引号或全角标点',
  },
  messages: {
    quotes: {
      en: 'The exec form must be JSON with straight double quotes ("), but this uses {chars} — typical of text copied from a document or typed with a Chinese input method. Docker does not recognize a JSON array here and runs the whole text as a shell command, quotes included, so the command fails and the container does not start.',
      'zh-cn': 'exec 形式必须是用英文直双引号（"）写的 JSON，这里却用了 {chars}——多半是从文档里复制来的，或是在中文输入法下打的。Docker 认不出这是 JSON 数组，会把整段文字（连同这些引号）当成 shell 命令执行，命令因此失败，容器也就启动不了。',
    },
  },
  fixes: {
    straighten: { en: 'Replace with straight quotes and ASCII punctuation', 'zh-cn': '换成英文直引号和半角标点' },
  },
  check(model, report) {
    for (const info of model.bracketed) {
      const exec = execText(model, info);
      if (!exec) { continue; }
      const text = exec.text.text;
      const region = text.slice(exec.start);
      const trimmed = region.trimStart();
      if (!trimmed.startsWith('[') && !trimmed.startsWith('\uff3b')) { continue; }
      // Curly apostrophes inside proper JSON strings are content, not a mistake.
      if (parseJsonArray(region) !== undefined) { continue; }
      const found = new Set<string>();
      const edits: TextEdit[] = [];
      let fixed = '';
      let last = 0;
      for (const m of region.matchAll(LOOKALIKE_RE)) {
        const at = exec.start + (m.index ?? 0);
        found.add(m[0] === '\u3000' ? 'U+3000' : m[0]);
        edits.push(replace(exec.text.rangeOf(at, at + 1), LOOKALIKES[m[0]]));
        fixed += region.slice(last, m.index) + LOOKALIKES[m[0]];
        last = (m.index ?? 0) + 1;
      }
      if (found.size === 0) { continue; }
      fixed += region.slice(last);
      const end = text.trimEnd().length;
      report({
        range: exec.text.rangeOf(exec.start + (region.length - trimmed.length), Math.max(end, exec.start + 1)),
        message: 'quotes',
        params: { chars: [...found].join(' ') },
        fixes: isJsonStringArray(fixed) ? [{ title: 'straighten', edits, preferred: true }] : undefined,
      });
    }
  },
};
