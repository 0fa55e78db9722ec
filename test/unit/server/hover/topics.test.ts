// Every hover topic exists in both languages, teaches with an example, and links to the reference.
import * as assert from 'node:assert';
import { topicIds, topicLanguages, topicMarkdown } from '../../../../server/src/hover/topics';
import { messageTable, placeholders } from '../../../../server/src/hover/messages';
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

describe('contextual hover messages (server/docs/hover/<lang>/_contextual.md)', () => {
  it('are not listed as topics', () => {
    assert.ok(!topicIds().some((id) => id.startsWith('_')));
  });

  it('exist with the same keys in every language', () => {
    const en = Object.keys(messageTable('en')).sort();
    assert.ok(en.length > 50, `only ${en.length} English messages were parsed`);
    for (const lang of LANGUAGES) {
      assert.deepStrictEqual(Object.keys(messageTable(lang)).sort(), en, `${lang}/_contextual.md has the same keys as en`);
    }
  });

  it('use the same placeholders in every language, and no message is empty', () => {
    for (const [key, en] of Object.entries(messageTable('en'))) {
      for (const lang of LANGUAGES) {
        const text = messageTable(lang)[key] ?? '';
        assert.ok(text.trim(), `${lang}: ${key} is empty`);
        assert.deepStrictEqual(placeholders(text), placeholders(en), `${lang}: ${key} uses the placeholders of the English text`);
      }
    }
  });

  it('are written in Chinese in zh-cn (every message with words in it)', () => {
    const words = (t: string): boolean => /[A-Za-z]{2}/.test(t.replace(/`[^`]*`|\{[A-Za-z]+\}/g, ''));
    const untranslated = Object.entries(messageTable('zh-cn')).filter(([, t]) => words(t) && !/[\u4e00-\u9fff]/.test(t));
    assert.deepStrictEqual(untranslated.map(([k]) => k), []);
  });
});
