// `FROM node` means `node:latest`: whatever was published last. The same Dockerfile then builds a
// different image next month, and a course example stops working without anyone changing it.
import type { Rule } from '../rule';
import { expand } from '../ruleHelpers';
import { PREDEFINED_PLATFORM_ARGS } from '../model/model';

export const rule: Rule = {
  id: 'base-image-tag',
  defaultSeverity: 'warning',
  title: {
    en: 'Base image without a tag, or with `:latest`',
    'zh-cn': '基础镜像没有写标签，或者用了 `:latest`',
  },
  messages: {
    noTag: {
      en: '`{image}` has no tag, so Docker uses `{image}:latest` — whatever version was published last. The same Dockerfile can then build a different image next month, and things break without any change here. Pin a version, e.g. `{image}:<version>`.',
      'zh-cn': '`{image}` 没有写标签，Docker 会使用 `{image}:latest`——也就是最近发布的那个版本。同一个 Dockerfile 下个月可能就构建出不同的镜像，这里什么都没改，程序却坏了。请固定一个版本，例如 `{image}:<版本号>`。',
    },
    latest: {
      en: '`:latest` is not "the newest version you tested" but whatever was published last. The same Dockerfile can build a different image next month. Pin a version instead of `latest`.',
      'zh-cn': '`:latest` 并不是“你测试过的最新版本”，而是最近一次发布的版本。同一个 Dockerfile 下个月可能就构建出不同的镜像。请把 `latest` 换成固定的版本号。',
    },
  },
  check(model, report) {
    for (const stage of model.stages) {
      const written = stage.from.image?.value;
      const imageWord = stage.from.image;
      if (!written || !imageWord) { continue; }
      const image = written.includes('$')
        ? expand(written, (name) => (PREDEFINED_PLATFORM_ARGS.has(name) ? undefined : model.globalArgs.get(name)?.value), model.escape)
        : written;
      if (!image || stage.parent || model.stageNamed(image) || image.toLowerCase() === 'scratch' || image.includes('@')) { continue; }
      const lastSlash = image.lastIndexOf('/');
      const colon = image.indexOf(':', lastSlash + 1);
      if (colon < 0) {
        report({ range: imageWord.range, message: 'noTag', params: { image } });
      } else if (image.slice(colon + 1) === 'latest') {
        report({ range: imageWord.range, message: 'latest', params: { image } });
      }
    }
  },
};
