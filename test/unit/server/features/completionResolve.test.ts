// completionItem/resolve gets back whatever the client sends: dockerfile-language-service throws on `data`
// it has no documentation for (found by the fuzzer), ours answers the item as it came.
import * as assert from 'node:assert';
import { DockerfileLanguageServiceFactory } from 'dockerfile-language-service';
import { resolveCompletion } from '../../../../server/src/features/completion';

describe('completionItem/resolve on items the server never made', () => {
  const service = DockerfileLanguageServiceFactory.createLanguageService();
  service.setCapabilities({ completion: { completionItem: { documentationFormat: ['markdown'] } } });

  for (const data of ['NO_SUCH_TOPIC', 'dl:no.such.topic', 42, { bogus: true }]) {
    it(`data ${JSON.stringify(data)}: the item comes back without documentation`, () => {
      assert.throws(() => service.resolveCompletionItem({ label: 'x', data }), TypeError, 'the service alone throws');
      assert.deepStrictEqual(resolveCompletion({ label: 'x', data }, service, 'en'), { label: 'x', data });
    });
  }

  it('an item of the service still gets its documentation', () => {
    const item = resolveCompletion({ label: 'HEALTHCHECK', data: 'HEALTHCHECK_FlagStartPeriod' }, service, 'zh-cn');
    assert.ok(item.documentation, 'documentation from our topic or the service');
  });
});
