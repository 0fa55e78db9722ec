// `COPY app-$VERSON.jar /app/`: a variable nothing declared expands to an empty string, silently.
import type { Rule } from '../rule';
import { didYouMean, replace } from '../ruleHelpers';

export const rule: Rule = {
  id: 'undefined-variable',
  defaultSeverity: 'warning',
  buildkitCheck: 'UndefinedVar',
  title: {
    en: 'Reference to a variable that is not defined',
    'zh-cn': '引用了没有定义的变量',
  },
  messages: {
    undefined: {
      en: '`{name}` is not defined at this point: no ARG or ENV above it in this build stage declares it, and this stage starts from `scratch` or from a stage of this file. Docker replaces it with an empty string without any error. Declare it with `ARG {name}=…` or `ENV {name}=…` first.',
      'zh-cn': '`{name}` 在这里没有定义：这个构建阶段中它上面没有 ARG 或 ENV 声明它，而这个阶段是从 `scratch` 或本文件的某个阶段开始的。Docker 会悄悄地把它替换成空字符串，不报任何错。请先用 `ARG {name}=…` 或 `ENV {name}=…` 声明。',
    },
    maybeBase: {
      en: '`{name}` is not declared by any ARG or ENV above it in this build stage. Unless the base image sets it as an environment variable, Docker replaces it with an empty string without any error. If it is yours, declare it with `ARG {name}=…` or `ENV {name}=…` first.',
      'zh-cn': '这个构建阶段中，`{name}` 上面没有任何 ARG 或 ENV 声明它。除非基础镜像把它设成了环境变量，否则 Docker 会悄悄地把它替换成空字符串，不报任何错。如果这是你自己的变量，请先用 `ARG {name}=…` 或 `ENV {name}=…` 声明。',
    },
    typo: {
      en: '`{name}` is not defined at this point — did you mean `{suggestion}`? Docker replaces an undefined variable with an empty string without any error.',
      'zh-cn': '`{name}` 在这里没有定义——你是不是想写 `{suggestion}`？Docker 会悄悄地把未定义的变量替换成空字符串，不报任何错。',
    },
  },
  fixes: {
    rename: { en: 'Change to {suggestion}', 'zh-cn': '改为 {suggestion}' },
  },
  check(model, report) {
    for (const ref of model.variableRefs) {
      if (ref.context !== 'build' || ref.status !== 'undefined' || ref.hasFallback) { continue; }
      const suggestion = didYouMean(ref.name, model.visibleNames(ref));
      if (suggestion) {
        report({
          range: ref.range, message: 'typo', params: { name: ref.name, suggestion },
          fixes: [{ title: 'rename', params: { suggestion }, edits: [replace(ref.nameRange, suggestion)], preferred: true }],
        });
        continue;
      }
      const stage = ref.info.stage;
      const known = !stage || stage.root === 'scratch';
      report({ range: ref.range, message: known ? 'undefined' : 'maybeBase', params: { name: ref.name }, severity: known ? 'warning' : 'information' });
    }
  },
};
