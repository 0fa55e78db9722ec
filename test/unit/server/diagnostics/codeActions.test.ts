// Quick fixes through the code-action request: ours carry the edit (and an ignore comment action),
// dockerfile-language-service's own commands keep working, titles in the learner's language.
import * as assert from 'node:assert';
import type { CodeAction, Command } from 'vscode-languageserver-types';
import { computeCodeActions } from '../../../../server/src/diagnostics/codeActions';
import { applyEdits, diagnose, parsed, service } from './support';

function actionsFor(text: string, language: 'en' | 'zh-cn' = 'en', line?: number): (CodeAction | Command)[] {
  const doc = parsed(text);
  const diagnostics = diagnose(text, { language }).filter((d) => line === undefined || d.range.start.line === line);
  return computeCodeActions(doc, { textDocument: { uri: doc.uri }, range: diagnostics[0].range, context: { diagnostics } }, service, language);
}

describe('code actions', () => {
  it('offers the rule\'s fix as a preferred quick fix with a workspace edit', () => {
    const text = 'FROM alpine:3.20\nCMD node server.js\n';
    const actions = actionsFor(text) as CodeAction[];
    const fix = actions.find((a) => a.isPreferred)!;
    assert.strictEqual(fix.kind, 'quickfix');
    assert.strictEqual(fix.title, 'Convert to exec form: ["node", "server.js"]');
    assert.strictEqual(applyEdits(text, fix.edit!.changes!['file:///work/project/Dockerfile']), 'FROM alpine:3.20\nCMD ["node", "server.js"]\n');
    assert.strictEqual(fix.diagnostics?.[0].code, 'exec-form-recommended');
  });

  it('offers to ignore the rule for that instruction, with the comment above it', () => {
    const text = 'FROM alpine:3.20\n  CMD node server.js\n';
    const ignore = (actionsFor(text) as CodeAction[]).find((a) => a.title.startsWith('Ignore'))!;
    const after = applyEdits(text, ignore.edit!.changes!['file:///work/project/Dockerfile']);
    assert.strictEqual(after, 'FROM alpine:3.20\n  # docker-learning-ignore exec-form-recommended\n  CMD node server.js\n');
    assert.deepStrictEqual(diagnose(after).filter((d) => d.code === 'exec-form-recommended'), []);
  });

  it('titles fixes in Chinese for a Chinese reader', () => {
    const actions = actionsFor('FROM alpine:3.20\nCMD node server.js\n', 'zh-cn') as CodeAction[];
    assert.ok(actions.some((a) => a.title.startsWith('改成 exec 形式')));
    assert.ok(actions.some((a) => a.title.startsWith('在这条指令上忽略')));
  });

  it('keeps dockerfile-language-service\'s commands for its own diagnostics, translated, without touching ours', () => {
    const text = '# ESCAPE=`\nFROM alpine:3.20\nCMD node server.js\n';
    const doc = parsed(text);
    const diagnostics = diagnose(text, { language: 'zh-cn' });
    const ourCodes = diagnostics.filter((d) => d.source === 'docker-learning').map((d) => d.code);
    const actions = computeCodeActions(doc, { textDocument: { uri: doc.uri }, range: { start: { line: 0, character: 0 }, end: { line: 3, character: 0 } }, context: { diagnostics } }, service, 'zh-cn');
    assert.ok(actions.some((a) => a.title === '把解析器指令改成小写' && 'command' in a && typeof a.command === 'string'), JSON.stringify(actions.map((a) => a.title)));
    assert.deepStrictEqual(diagnostics.filter((d) => d.source === 'docker-learning').map((d) => d.code), ourCodes, 'our string codes survive');
  });
});
