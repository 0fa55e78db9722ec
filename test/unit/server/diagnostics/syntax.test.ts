// Syntax and argument validation from dockerfile-utils: all nine settings passed explicitly, problems our
// rules explain better dropped, and Chinese messages for learners who read Chinese.
import * as assert from 'node:assert';
import { Validator } from 'dockerfile-utils/lib/dockerValidator';
import { VALIDATOR_SETTINGS } from '../../../../server/src/diagnostics/validatorSettings';
import { translatedTemplates, translateSyntaxMessage } from '../../../../server/src/diagnostics/syntaxValidation';
import { describeAll, diagnose } from './support';

describe('syntax validation (dockerfile-utils)', () => {
  it('passes all nine ValidatorSettings keys, since a partial object silently switches rules off', () => {
    assert.deepStrictEqual(Object.keys(VALIDATOR_SETTINGS).sort(), ['deprecatedMaintainer', 'directiveCasing', 'emptyContinuationLine', 'instructionCasing',
      'instructionCmdMultiple', 'instructionEntrypointMultiple', 'instructionHealthcheckMultiple', 'instructionJSONInSingleQuotes', 'instructionWorkdirRelative']);
    for (const v of Object.values(VALIDATOR_SETTINGS)) { assert.strictEqual(typeof v, 'number'); }
  });

  it('still reports argument errors (ENV without a value) with dockerfile-utils as the source', () => {
    const d = diagnose('FROM alpine:3.20\nENV\n');
    assert.ok(d.some((x) => x.source === 'dockerfile-utils' && x.severity === 1 && x.range.start.line === 1), describeAll(d));
  });

  it('reports each problem once: ours where a rule replaces a dockerfile-utils check', () => {
    const text = 'FROM alpine:3.20 AS a\nFROM alpine:3.20 AS a\nEXPOSE abc\nMAINTAINER me\nrun true\nCMD ["a"]\nCMD ["b"]\n';
    const d = diagnose(text);
    assert.ok(!d.some((x) => x.source === 'dockerfile-utils'), describeAll(d));
    for (const code of ['duplicate-stage-name', 'expose-invalid-port', 'maintainer-deprecated', 'instruction-casing', 'multiple-instructions']) {
      assert.ok(d.some((x) => x.code === code), `${code} in\n${describeAll(d)}`);
    }
  });

  it('translates every dockerfile-utils message template', () => {
    const theirs = Object.values((Validator as unknown as { dockerProblems: Record<string, string> }).dockerProblems);
    const ours = new Set(translatedTemplates());
    assert.deepStrictEqual(theirs.filter((t) => !ours.has(t)), []);
  });

  it('fills the parameters into the Chinese text', () => {
    assert.strictEqual(translateSyntaxMessage('Unknown instruction: COPPY'), '未知指令：COPPY');
    assert.strictEqual(translateSyntaxMessage('time: unknown unit x in duration 5x'), '时长 5x 中的单位 x 无法识别');
    assert.strictEqual(translateSyntaxMessage('something new'), 'something new');
    const d = diagnose('FROM alpine:3.20\nENV\n', { language: 'zh-cn' });
    assert.ok(d.some((x) => x.message === '指令缺少参数'), describeAll(d));
  });
});
