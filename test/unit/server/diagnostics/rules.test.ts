// Each rule flags what it should, leaves alone what it should, and each quick fix is checked by
// applying its edit and validating again: the rule no longer fires there and nothing new appears.
import * as assert from 'node:assert';
import type { Diagnostic } from 'vscode-languageserver-types';
import { RULES, RULES_BY_ID } from '../../../../server/src/diagnostics/rules/index';
import { applyEdits, describeAll, diagnose, findings, ofRule } from './support';
import { RULE_CASES } from './ruleCases';

const SEVERITY = { error: 1, warning: 2, information: 3 } as const;

/** `code|message` of each diagnostic, as a multiset. */
function signatures(diagnostics: Diagnostic[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const d of diagnostics) { const k = `${d.code}|${d.message}`; m.set(k, (m.get(k) ?? 0) + 1); }
  return m;
}

describe('teaching rules', () => {
  it('every rule except copy-ignored-file has cases here (that one is tested with a real .dockerignore)', () => {
    const missing = RULES.map((r) => r.id).filter((id) => !RULE_CASES[id] && id !== 'copy-ignored-file');
    assert.deepStrictEqual(missing, []);
  });

  it('every rule that offers a fix has a case that exercises it', () => {
    const fixCases = new Set(Object.entries(RULE_CASES).filter(([, c]) => c.fires.some((f) => f.fix)).map(([id]) => id));
    const untested = RULES.filter((r) => r.fixes && !fixCases.has(r.id)).map((r) => r.id);
    assert.deepStrictEqual(untested, []);
  });

  for (const [id, cases] of Object.entries(RULE_CASES)) {
    const rule = RULES_BY_ID.get(id);
    describe(id, () => {
      it('is a registered rule', () => assert.ok(rule, `${id} is listed in rules/index.ts`));

      cases.fires.forEach((c, i) => {
        it(`flags case ${i + 1} on line ${c.line}`, () => {
          const all = diagnose(c.text);
          const mine = ofRule(all, id);
          assert.ok(mine.length > 0, `expected ${id} in:\n${c.text}\ngot:\n${describeAll(all)}`);
          assert.strictEqual(mine[0].range.start.line + 1, c.line, describeAll(mine));
          assert.strictEqual(mine[0].severity, SEVERITY[c.severity ?? rule!.defaultSeverity]);
          assert.strictEqual(mine[0].source, 'docker-learning');
          assert.strictEqual(mine[0].codeDescription?.href, `docker-learning-rule:/en/${id}.md`);
        });

        if (c.fix) {
          it(`case ${i + 1}: the quick fix removes the problem and adds none`, () => {
            const before = diagnose(c.text);
            const finding = findings(c.text).find((f) => f.rule.id === id && f.finding.fixes?.length);
            assert.ok(finding, `${id} offers a fix for:\n${c.text}`);
            const fixed = applyEdits(c.text, finding.finding.fixes![0].edits);
            assert.notStrictEqual(fixed, c.text, 'the fix changes the text');
            const after = diagnose(fixed);
            assert.strictEqual(ofRule(after, id).length, ofRule(before, id).length - 1, `${id} still fires after the fix:\n${fixed}\n${describeAll(after)}`);
            const old = signatures(before);
            for (const [sig, n] of signatures(after)) {
              if (sig.startsWith(`${id}|`)) { continue; }
              assert.ok((old.get(sig) ?? 0) >= n, `the fix introduced "${sig}" in:\n${fixed}`);
            }
          });
        }
      });

      cases.silent.forEach((text, i) => {
        it(`leaves case ${i + 1} alone`, () => {
          const mine = ofRule(diagnose(text), id);
          assert.deepStrictEqual(mine, [], `${id} should not fire on:\n${text}\n${describeAll(mine)}`);
        });
      });
    });
  }

  describe('the course example ENTRYPOINT[“/src/hello”]', () => {
    const text = 'FROM alpine:3.13.5\nENTRYPOINT[“/src/hello”]\n';
    it('is explained as two mistakes, never as an unknown instruction', () => {
      const all = diagnose(text);
      assert.deepStrictEqual(all.map((d) => d.code).sort(), ['exec-form-missing-space', 'typographic-quotes'], describeAll(all));
      assert.ok(!all.some((d) => /unknown instruction/i.test(String(d.message)) && d.source !== 'docker-learning'));
      assert.match(String(ofRule(all, 'exec-form-missing-space')[0].message), /ENTRYPOINT\[“\/src\/hello”\]/, 'the text is quoted as written, not upper-cased');
    });
    it('becomes ENTRYPOINT ["/src/hello"] after both fixes', () => {
      let t = text;
      for (const id of ['typographic-quotes', 'exec-form-missing-space']) {
        const f = findings(t).find((x) => x.rule.id === id)!;
        t = applyEdits(t, f.finding.fixes![0].edits);
      }
      assert.strictEqual(t, 'FROM alpine:3.13.5\nENTRYPOINT ["/src/hello"]\n');
      assert.deepStrictEqual(diagnose(t), []);
    });
  });

  it('exec-form-recommended turns a simple command into JSON', () => {
    const f = findings('FROM node:20-alpine\nCMD node server.js --port 3000\n').find((x) => x.rule.id === 'exec-form-recommended')!;
    assert.strictEqual(applyEdits('FROM node:20-alpine\nCMD node server.js --port 3000\n', f.finding.fixes![0].edits), 'FROM node:20-alpine\nCMD ["node", "server.js", "--port", "3000"]\n');
  });

  it('chain-run keeps comments between the RUNs inside the continuation', () => {
    const text = 'FROM alpine:3.20\nRUN mkdir /a\n# and then\nRUN touch /a/b\n';
    const f = findings(text).find((x) => x.rule.id === 'chain-run')!;
    assert.strictEqual(applyEdits(text, f.finding.fixes![0].edits), 'FROM alpine:3.20\nRUN mkdir /a && \\\n    # and then\n    touch /a/b\n');
  });

  it('env-legacy-format quotes a value with spaces', () => {
    const text = 'FROM alpine:3.20\nENV GREETING hello world\n';
    const f = findings(text).find((x) => x.rule.id === 'env-legacy-format')!;
    assert.strictEqual(applyEdits(text, f.finding.fixes![0].edits), 'FROM alpine:3.20\nENV GREETING="hello world"\n');
  });

  it('maintainer-deprecated moves the author into a label', () => {
    const text = 'FROM alpine:3.20\nMAINTAINER Jane Doe <jane@example.com>\n';
    const f = findings(text).find((x) => x.rule.id === 'maintainer-deprecated')!;
    assert.strictEqual(applyEdits(text, f.finding.fixes![0].edits), 'FROM alpine:3.20\nLABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"\n');
  });

  it('stage-name-casing renames the stage and every reference to it', () => {
    const text = 'FROM golang:1.22 AS Builder\nFROM alpine:3.20\nCOPY --from=Builder /x /x\nFROM Builder AS test\n';
    const f = findings(text).find((x) => x.rule.id === 'stage-name-casing')!;
    assert.strictEqual(applyEdits(text, f.finding.fixes![0].edits), 'FROM golang:1.22 AS builder\nFROM alpine:3.20\nCOPY --from=builder /x /x\nFROM builder AS test\n');
  });

  it('global-arg-not-in-stage redeclares the ARG right after the stage\'s FROM', () => {
    const text = 'ARG VERSION=1.2\nFROM alpine:3.20\nRUN echo $VERSION\n';
    const f = findings(text).find((x) => x.rule.id === 'global-arg-not-in-stage')!;
    assert.strictEqual(applyEdits(text, f.finding.fixes![0].edits), 'ARG VERSION=1.2\nFROM alpine:3.20\nARG VERSION\nRUN echo $VERSION\n');
  });

  it('apt fixes add their option right after install', () => {
    const text = 'FROM debian:12\nRUN apt-get update && apt-get install curl && rm -rf /var/lib/apt/lists/*\n';
    const f = findings(text).find((x) => x.rule.id === 'apt-get-install-yes')!;
    assert.strictEqual(applyEdits(text, f.finding.fixes![0].edits), 'FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n');
  });
});
