// `FROM node:$NODE_VERSION` with no `ARG NODE_VERSION` above it: the variable is always empty and
// `--build-arg NODE_VERSION=…` is ignored.
import type { Rule } from '../rule';
import { casedLike, didYouMean, insert } from '../ruleHelpers';

export const rule: Rule = {
  id: 'undeclared-arg-in-from',
  defaultSeverity: 'warning',
  buildkitCheck: 'UndefinedArgInFrom',
  title: {
    en: 'FROM uses a build argument not declared before it',
    'zh-cn': 'FROM 用了之前没有声明的构建参数',
  },
  messages: {
    undeclared: {
      en: 'FROM can only use build arguments declared with ARG before the first FROM. `{name}` is not, so it is always empty here and `docker build --build-arg {name}=…` is ignored. Add `ARG {name}=<default>` at the top of the file.',
      'zh-cn': 'FROM 只能使用在第一条 FROM 之前用 ARG 声明过的构建参数。`{name}` 没有声明，所以这里它总是空的，`docker build --build-arg {name}=…` 也不起作用。请在文件开头加上 `ARG {name}=<默认值>`。',
    },
    typo: {
      en: '`{name}` is not declared before FROM — did you mean `{suggestion}`? As written it is always empty here.',
      'zh-cn': '`{name}` 没有在 FROM 之前声明——你是不是想写 `{suggestion}`？照现在的写法，它在这里总是空的。',
    },
  },
  fixes: {
    declare: { en: 'Declare ARG {name} at the top', 'zh-cn': '在文件开头声明 ARG {name}' },
  },
  check(model, report) {
    const firstFrom = model.stages[0]?.fromInfo.ins;
    for (const ref of model.variableRefs) {
      if (ref.context !== 'from' || ref.status !== 'undefined') { continue; }
      // A global ARG whose default uses an undeclared name is undefined-variable's business.
      if (ref.info.keyword !== 'FROM' || !firstFrom) { continue; }
      const suggestion = didYouMean(ref.name, model.globalArgs.keys());
      const keyword = casedLike(firstFrom.getInstruction(), 'ARG');
      report({
        range: ref.range,
        message: suggestion ? 'typo' : 'undeclared',
        params: { name: ref.name, suggestion: suggestion ?? '' },
        fixes: [{ title: 'declare', params: { name: ref.name }, edits: [insert({ line: firstFrom.getRange().start.line, character: 0 }, `${keyword} ${ref.name}\n`)] }],
      });
    }
  },
};
