// The learner's controls: the per-rule severity setting, BuildKit's `# check=` directive for rules that
// mirror a BuildKit check, and the ignore comment on the line above an instruction.
import * as assert from 'node:assert';
import { readSettings } from '../../../../server/src/settings';
import { RULES } from '../../../../server/src/diagnostics/rules/index';
import { diagnose, ofRule } from './support';

const SHELL_CMD = 'FROM alpine:3.20\nCMD node server.js\n';

describe('diagnostics controls', () => {
  describe('dockerLearning.diagnostics.rules', () => {
    it('changes a rule\'s severity, or turns it off', () => {
      assert.strictEqual(ofRule(diagnose(SHELL_CMD), 'exec-form-recommended')[0].severity, 2);
      assert.strictEqual(ofRule(diagnose(SHELL_CMD, { ruleSettings: { 'exec-form-recommended': 'error' } }), 'exec-form-recommended')[0].severity, 1);
      assert.strictEqual(ofRule(diagnose(SHELL_CMD, { ruleSettings: { 'exec-form-recommended': 'information' } }), 'exec-form-recommended')[0].severity, 3);
      assert.deepStrictEqual(ofRule(diagnose(SHELL_CMD, { ruleSettings: { 'exec-form-recommended': 'off' } }), 'exec-form-recommended'), []);
    });

    it('wins over a finding\'s own weight (a lone `RUN cd` is a warning by default)', () => {
      const text = 'FROM alpine:3.20\nRUN cd /tmp\n';
      assert.strictEqual(ofRule(diagnose(text), 'cd-in-run')[0].severity, 2);
      assert.strictEqual(ofRule(diagnose(text, { ruleSettings: { 'cd-in-run': 'information' } }), 'cd-in-run')[0].severity, 3);
    });

    it('is read from the client\'s settings, keeping only valid values', () => {
      const s = readSettings({ language: 'zh-cn', diagnostics: { rules: { 'cd-in-run': 'off', 'pipefail': 'error', 'chain-run': 'loud', 'x': 3 } } });
      assert.deepStrictEqual(s.diagnosticsRules, { 'cd-in-run': 'off', pipefail: 'error' });
      assert.deepStrictEqual(readSettings(undefined).diagnosticsRules, {});
      assert.deepStrictEqual(readSettings({ diagnostics: { rules: 'off' } }).diagnosticsRules, {});
    });
  });

  describe('# check= (BuildKit build checks)', () => {
    it('skip=<Check> silences the rule that mirrors that check', () => {
      assert.deepStrictEqual(ofRule(diagnose(`# check=skip=JSONArgsRecommended\n${SHELL_CMD}`), 'exec-form-recommended'), []);
      assert.deepStrictEqual(ofRule(diagnose(`# check=skip=jsonargsrecommended,StageNameCasing\n${SHELL_CMD}`), 'exec-form-recommended'), [], 'names compare ignoring case');
    });

    it('skip=all silences every BuildKit-backed rule and nothing else', () => {
      const text = '# check=skip=all\nFROM alpine:3.20\nCMD node server.js\nRUN cd /tmp\n';
      const codes = diagnose(text).map((d) => d.code);
      assert.ok(!codes.includes('exec-form-recommended'));
      assert.ok(codes.includes('cd-in-run'), 'cd-in-run has no BuildKit check, so it stays');
    });

    it('error=true makes BuildKit-backed findings errors, as the build would fail', () => {
      const d = ofRule(diagnose(`# check=error=true\n${SHELL_CMD}`), 'exec-form-recommended');
      assert.strictEqual(d[0].severity, 1);
      const other = ofRule(diagnose('# check=error=true\nFROM alpine:3.20\nRUN cd /tmp\n'), 'cd-in-run');
      assert.strictEqual(other[0].severity, 2, 'rules without a BuildKit check keep their severity');
    });

    it('is only a directive at the top of the file', () => {
      const text = 'FROM alpine:3.20\n# check=skip=JSONArgsRecommended\nCMD node server.js\n';
      assert.strictEqual(ofRule(diagnose(text), 'exec-form-recommended').length, 1);
    });

    it('every BuildKit check name we map is one BuildKit has', () => {
      const known = new Set(['CopyIgnoredFile', 'ConsistentInstructionCasing', 'DuplicateStageName', 'ExposeInvalidFormat', 'ExposeProtoCasing',
        'FromAsCasing', 'FromPlatformFlagConstDisallowed', 'InvalidBaseImagePlatform', 'InvalidDefaultArgInFrom', 'InvalidDefinitionDescription',
        'JSONArgsRecommended', 'LegacyKeyValueFormat', 'MaintainerDeprecated', 'MultipleInstructionsDisallowed', 'NoEmptyContinuation',
        'RedundantTargetPlatform', 'ReservedStageName', 'SecretsUsedInArgOrEnv', 'StageNameCasing', 'UndefinedArgInFrom', 'UndefinedVar', 'WorkdirRelativePath']);
      for (const r of RULES) { if (r.buildkitCheck) { assert.ok(known.has(r.buildkitCheck), `${r.id}: ${r.buildkitCheck}`); } }
    });
  });

  describe('# docker-learning-ignore', () => {
    it('on the line above silences the named rule for that instruction only', () => {
      const text = 'FROM alpine:3.20\n# docker-learning-ignore exec-form-recommended\nCMD node a.js\nFROM alpine:3.20\nCMD node b.js\n';
      assert.deepStrictEqual(ofRule(diagnose(text), 'exec-form-recommended').map((d) => d.range.start.line), [4]);
    });

    it('without a rule silences every rule there; BuildKit names work too; stacked comments count', () => {
      const all = 'FROM alpine:3.20\n# docker-learning-ignore\nCMD node a.js\n';
      assert.deepStrictEqual(diagnose(all).filter((d) => d.source === 'docker-learning'), []);
      const bk = 'FROM alpine:3.20\n# docker-learning-ignore: JSONArgsRecommended\n# (we need the shell here)\nCMD node a.js\n';
      assert.deepStrictEqual(ofRule(diagnose(bk), 'exec-form-recommended'), []);
    });

    it('covers every line of a multi-line instruction', () => {
      const text = 'FROM debian:12\n# docker-learning-ignore apt-get-install-yes\nRUN apt-get update \\\n    && apt-get install --no-install-recommends curl \\\n    && rm -rf /var/lib/apt/lists/*\n';
      assert.deepStrictEqual(ofRule(diagnose(text), 'apt-get-install-yes'), []);
    });

    it('does not silence another rule, nor syntax errors', () => {
      const text = 'FROM alpine:3.20\n# docker-learning-ignore chain-run\nCMD node a.js\n# docker-learning-ignore\nENV\n';
      assert.strictEqual(ofRule(diagnose(text), 'exec-form-recommended').length, 1);
      assert.ok(diagnose(text).some((d) => d.source === 'dockerfile-utils' && d.range.start.line === 4));
    });
  });
});
