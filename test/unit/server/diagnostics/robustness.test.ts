// A rule that throws is logged and skipped — the other rules and the syntax check still report — and
// the rule set stays linear in the size of the file.
import * as assert from 'node:assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Rule } from '../../../../server/src/diagnostics/rule';
import { RULES, RULES_BY_ID } from '../../../../server/src/diagnostics/rules/index';
import { computeDiagnostics, runRules } from '../../../../server/src/diagnostics/computeDiagnostics';
import { ParsedDocument } from '../../../../server/src/documents/parsedDocument';
import type { DockerfileLanguageService } from 'dockerfile-language-service';
import { diagnose, fixture, fixtureFiles, parsed, service } from './support';

const broken: Rule = {
  id: 'broken-rule', defaultSeverity: 'error', title: { en: 'x', 'zh-cn': 'x' }, messages: {},
  check() { throw new Error('boom'); },
};

describe('robustness', () => {
  it('isolates a throwing rule: it is logged, the other rules still report', () => {
    const logs: string[] = [];
    const d = diagnose('FROM alpine:3.20\nCMD node server.js\n', { rules: [broken, RULES_BY_ID.get('exec-form-recommended')!], logs });
    assert.deepStrictEqual(d.map((x) => x.code), ['exec-form-recommended']);
    assert.ok(logs.some((l) => l.includes('broken-rule') && l.includes('boom')), logs.join('\n'));
  });

  it('drops the findings a rule made before it threw (no half-reported rule)', () => {
    const half: Rule = { ...broken, id: 'half-rule', messages: { m: { en: 'm', 'zh-cn': 'm' } }, check(_m, report) { report({ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: 'm' }); throw new Error('late'); } };
    assert.deepStrictEqual(diagnose('FROM alpine:3.20\n', { rules: [half] }), []);
  });

  it('keeps our rules when dockerfile-utils throws, and the syntax check when analysis fails', () => {
    const logs: string[] = [];
    const throwing = { validate() { throw new Error('validator down'); } } as unknown as DockerfileLanguageService;
    const d = computeDiagnostics(parsed('FROM alpine:3.20\nCMD node server.js\n'), { service: throwing, language: 'en', log: (m) => logs.push(m), readFile: () => undefined });
    assert.ok(d.some((x) => x.code === 'exec-form-recommended'));
    assert.ok(logs.some((l) => l.includes('validator down')));

    const doc = new ParsedDocument(TextDocument.create('file:///x/Dockerfile', 'dockerfile', 1, 'FROM alpine:3.20\nENV\n'));
    Object.defineProperty(doc, 'dockerfile', { get() { throw new Error('parser down'); } });
    Object.defineProperty(doc, 'rulesTree', { get() { throw new Error('parser down'); } });
    const logs2: string[] = [];
    const d2 = computeDiagnostics(doc, { service, language: 'en', log: (m) => logs2.push(m), readFile: () => undefined });
    assert.ok(d2.some((x) => x.source === 'dockerfile-utils'), 'syntax errors are still published');
    assert.ok(logs2.some((l) => l.includes('parser down')));
  });

  it('never throws on odd input', () => {
    const odd = ['', '\n\n\n', '\\', 'FROM', 'FROM alpine:3.20\nRUN \\', 'FROM alpine:3.20\nRUN <<EOF', 'FROM alpine:3.20\nCOPY <<', 'FROM alpine:3.20\nCMD [', 'FROM a\nCMD ["a", ["b", {"c": 1}]]',
      'FROM alpine:3.20\nENV A="unterminated', 'FROM alpine:3.20\nRUN echo "$(unterminated', 'FROM alpine:3.20\nEXPOSE :::', 'FROM alpine:3.20\nWORKDIR', 'ARG\nFROM $', 'FROM ${', 'FROM alpine:3.20\nRUN echo ${A:-${B:-${C}}}',
      '# escape=`\nFROM alpine:3.20\nRUN a `\n\n', 'FROM alpine:3.20 AS\nCOPY --from= a b', 'onbuild\nFROM x', 'FROM alpine:3.20\nONBUILD', '\uFEFFFROM alpine:3.20\r\nRUN echo hi\r\n'];
    for (const text of odd) {
      const logs: string[] = [];
      assert.doesNotThrow(() => diagnose(text, { logs }), text);
      assert.deepStrictEqual(logs, [], `a rule failed on ${JSON.stringify(text)}:\n${logs.join('\n')}`);
    }
  });

  describe('performance (linear in file size)', function () {
    this.timeout(120000);
    /** A long Dockerfile made of the corpus, repeated. */
    function bigDockerfile(lines: number): string {
      const parts = fixtureFiles('valid').map((f) => fixture('valid', f)).filter((t) => !t.startsWith('# escape'));
      const out: string[] = [];
      let n = 0;
      for (let i = 0; n < lines; i++) { const t = parts[i % parts.length]; out.push(t); n += t.split('\n').length - 1; }
      return out.join('');
    }
    const cpuMs = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
    /** CPU time of our rules (model + every rule) on a parsed file: best of a few runs. */
    function rulesTime(text: string): number {
      const doc = parsed(text);
      void doc.dockerfile;
      let best = Infinity;
      for (let i = 0; i < 3; i++) {
        const t = cpuMs();
        runRules(doc, { log: () => undefined, readFile: () => undefined, rules: RULES });
        best = Math.min(best, cpuMs() - t);
      }
      return best;
    }

    it('validates our rules on a 25,000-line Dockerfile in linear time', () => {
      const small = rulesTime(bigDockerfile(6250));
      const large = rulesTime(bigDockerfile(25000));
      console.log(`      our rules: ${small.toFixed(1)} ms CPU for 6,250 lines, ${large.toFixed(1)} ms for 25,000 lines`);
      // Four times the lines: linear is ×4; quadratic would be ×16.
      assert.ok(large < small * 8 + 20, `not linear: ${small.toFixed(1)} ms → ${large.toFixed(1)} ms`);
      // Generous, for shared CI machines; the budget on a developer machine is well under 100 ms.
      assert.ok(large < 1000, `${large.toFixed(0)} ms for 25,000 lines`);
    });
  });
});
