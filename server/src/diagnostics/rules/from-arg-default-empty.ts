// `ARG TAG` (no default) + `FROM alpine:$TAG` → `alpine:`, an invalid reference, unless every build
// passes --build-arg TAG=…
import type { Rule } from '../rule';
import { expand } from '../ruleHelpers';
import { PREDEFINED_PLATFORM_ARGS } from '../model/model';

export const rule: Rule = {
  id: 'from-arg-default-empty',
  defaultSeverity: 'warning',
  buildkitCheck: 'InvalidDefaultArgInFrom',
  title: {
    en: 'A build argument\'s default leaves the FROM image empty or invalid',
    'zh-cn': '构建参数的默认值让 FROM 的镜像名为空或无效',
  },
  messages: {
    empty: {
      en: 'With the default values of its build arguments ({args} has no default), this FROM has no image name at all. `docker build` fails unless every build passes `--build-arg`. Give the ARG a default, e.g. `ARG {first}=<value>`.',
      'zh-cn': '按构建参数的默认值（{args} 没有默认值），这条 FROM 根本没有镜像名。除非每次构建都传 `--build-arg`，否则 `docker build` 会失败。请给 ARG 一个默认值，例如 `ARG {first}=<值>`。',
    },
    invalid: {
      en: 'With the default values of its build arguments ({args} has no default), this FROM becomes `{result}`, which is not a valid image reference. `docker build` fails unless every build passes `--build-arg`. Give the ARG a default, e.g. `ARG {first}=<value>`.',
      'zh-cn': '按构建参数的默认值（{args} 没有默认值），这条 FROM 会变成 `{result}`，这不是有效的镜像引用。除非每次构建都传 `--build-arg`，否则 `docker build` 会失败。请给 ARG 一个默认值，例如 `ARG {first}=<值>`。',
    },
  },
  check(model, report) {
    for (const stage of model.stages) {
      const written = stage.from.image?.value;
      const imageWord = stage.from.image;
      if (!written || !imageWord || !written.includes('$')) { continue; }
      const missing: string[] = [];
      let unknown = false;
      const result = expand(written, (name) => {
        if (PREDEFINED_PLATFORM_ARGS.has(name)) { return 'x'; }
        const arg = model.globalArgs.get(name);
        if (!arg) { unknown = true; return undefined; }
        if (arg.value === null) { missing.push(name); }
        return arg.value;
      }, model.escape);
      if (result === undefined || unknown || missing.length === 0) { continue; }
      const invalid = result === '' || result.startsWith(':') || result.startsWith('@') || result.endsWith(':') || result.endsWith('@') || result.endsWith('/');
      if (!invalid) { continue; }
      report({
        range: imageWord.range,
        message: result === '' ? 'empty' : 'invalid',
        params: { args: missing.join(', '), result, first: missing[0] },
      });
    }
  },
};
