// Every hover topic exists in both languages, teaches with an example, and links to the reference.
import * as assert from 'node:assert';
import { topicIds, topicLanguages, topicMarkdown } from '../../../../server/src/hover/topics';
import { LANGUAGES } from '../../../../server/src/i18n/language';

const INSTRUCTIONS = ['from', 'run', 'cmd', 'label', 'maintainer', 'expose', 'env', 'add', 'copy', 'entrypoint',
  'volume', 'user', 'workdir', 'arg', 'onbuild', 'stopsignal', 'healthcheck', 'shell'];
const FLAGS = ['from.platform', 'run.mount', 'run.mount.bind', 'run.mount.cache', 'run.mount.tmpfs', 'run.mount.secret',
  'run.mount.ssh', 'run.network', 'run.security', 'copy.from', 'copy.chown', 'copy.chmod', 'copy.link', 'copy.parents',
  'copy.exclude', 'add.checksum', 'add.keep-git-dir', 'healthcheck.interval', 'healthcheck.timeout',
  'healthcheck.start-period', 'healthcheck.start-interval', 'healthcheck.retries'];
const OTHERS = ['directive.syntax', 'directive.escape', 'directive.check', 'heredoc'];

describe('hover topics (server/docs/hover)', () => {
  it('covers every instruction, flag, directive and heredocs', () => {
    const ids = new Set(topicIds());
    const missing = [...INSTRUCTIONS, ...FLAGS, ...OTHERS].filter((t) => !ids.has(t));
    assert.deepStrictEqual(missing, [], `topics without a file: ${missing.join(', ')}`);
  });

  for (const id of topicIds()) {
    it(`${id}: English and Chinese, each with a heading, an example and a reference link`, () => {
      assert.deepStrictEqual(topicLanguages(id).sort(), [...LANGUAGES].sort(), `${id} must exist in ${LANGUAGES.join(' and ')}`);
      for (const lang of LANGUAGES) {
        const md = topicMarkdown(id, lang) ?? '';
        assert.match(md, /^### \S/, `${lang}/${id}.md starts with a ### heading`);
        assert.match(md, /```dockerfile\n[\s\S]+?```/, `${lang}/${id}.md has a dockerfile example`);
        assert.match(md, /\(https:\/\/docs\.docker\.com\/reference\/dockerfile\/#[a-z-]+\)/, `${lang}/${id}.md links to the Dockerfile reference`);
      }
      assert.match(topicMarkdown(id, 'zh-cn') ?? '', /[\u4e00-\u9fff]/, `zh-cn/${id}.md is written in Chinese`);
    });
  }

  for (const id of INSTRUCTIONS) {
    it(`${id}: names its common mistakes in both languages`, () => {
      assert.match(topicMarkdown(id, 'en') ?? '', /mistake/i);
      assert.match(topicMarkdown(id, 'zh-cn') ?? '', /常见错误/);
    });
  }
});
