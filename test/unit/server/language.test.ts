import * as assert from 'node:assert';
import { resolveLanguage } from '../../../server/src/i18n/language';

describe('resolveLanguage', () => {
  it('chooses Chinese for zh, zh-cn and zh-hans locales', () => {
    for (const l of ['zh', 'zh-cn', 'zh-CN', 'zh-hans', 'zh-Hans-CN', 'zh_CN']) {
      assert.strictEqual(resolveLanguage(l, 'auto'), 'zh-cn', l);
    }
  });
  it('chooses English for other locales, including traditional Chinese', () => {
    for (const l of ['en', 'en-US', 'de', 'zh-tw', 'zh-hant', '', undefined]) {
      assert.strictEqual(resolveLanguage(l, 'auto'), 'en', String(l));
    }
  });
  it('lets the dockerLearning.language setting override the locale', () => {
    assert.strictEqual(resolveLanguage('en', 'zh-cn'), 'zh-cn');
    assert.strictEqual(resolveLanguage('zh-cn', 'en'), 'en');
  });
});
