// The small parsers under the rules: continuation joining, shell commands, words and variables.
import * as assert from 'node:assert';
import { joinContinuation } from '../../../../server/src/diagnostics/model/logicalText';
import { parseShell, resolveCommand } from '../../../../server/src/diagnostics/model/shell';
import { scanVariables } from '../../../../server/src/diagnostics/model/variables';
import { splitWords } from '../../../../server/src/diagnostics/model/words';
import { expand } from '../../../../server/src/diagnostics/ruleHelpers';

describe('diagnostics helpers', () => {
  it('joins continuation lines like Docker, dropping comment and blank lines, keeping positions', () => {
    const lines = ['RUN apt-get update \\', '    # a comment', '', '    && apt-get install -y curl', 'CMD x'];
    const t = joinContinuation(lines, { line: 0, character: 3 }, 3, '\\');
    assert.strictEqual(t.text, ' apt-get update     && apt-get install -y curl');
    const at = t.text.indexOf('install');
    assert.deepStrictEqual(t.positionAt(at), { line: 3, character: lines[3].indexOf('install') });
  });

  it('finds simple commands, operators and pipes; quotes and substitutions stay inside words', () => {
    const s = parseShell('sudo apt-get install -y "a b" && echo $(date | tr a b) | tee x 2>&1 || (cd /x; make) # note');
    assert.deepStrictEqual(s.commands.map((c) => c.words.map((w) => w.value)), [['sudo', 'apt-get', 'install', '-y', 'a b'], ['echo', '$(date | tr a b)'], ['tee', 'x'], ['cd', '/x'], ['make']]);
    assert.strictEqual(s.pipes.length, 1, 'the | inside $(…) is not a pipe of this script');
    assert.ok(s.commentAt !== undefined);
    assert.deepStrictEqual(resolveCommand(s.commands[0]), { index: 1, name: 'apt-get', viaSudo: true });
    assert.strictEqual(resolveCommand(parseShell('DEBIAN_FRONTEND=noninteractive /usr/bin/apt-get -y install x').commands[0])?.name, 'apt-get');
  });

  it('splits words honouring quotes and the escape character', () => {
    assert.deepStrictEqual(splitWords(' a "b c" d\\ e \'f\\g\'', '\\').map((w) => w.value), ['a', 'b c', 'd e', 'f\\g']);
    assert.deepStrictEqual(splitWords('C:\\app `x', '`').map((w) => w.value), ['C:\\app', 'x']);
  });

  it('scans variables, skipping escaped dollars and single quotes, including nested defaults', () => {
    const t = joinContinuation(['ENV A=$B C=${D:-$E} F=\\$G H=\'$I\' J="$K"'], { line: 0, character: 3 }, 0, '\\');
    assert.deepStrictEqual(scanVariables(t, '\\').map((v) => `${v.name}${v.modifier ?? ''}`), ['B', 'D:-', 'E', 'K']);
  });

  it('expands FROM lines with ARG defaults and modifiers', () => {
    const args: Record<string, string | null> = { TAG: '3.20', EMPTY: null };
    const look = (n: string) => (n in args ? args[n] : undefined);
    assert.strictEqual(expand('alpine:${TAG}', look), 'alpine:3.20');
    assert.strictEqual(expand('alpine:${EMPTY:-3.19}', look), 'alpine:3.19');
    assert.strictEqual(expand('alpine:$EMPTY', look), 'alpine:');
    assert.strictEqual(expand('x${TAG:+-slim}', look), 'x-slim');
    assert.strictEqual(expand('$UNKNOWN', look), undefined);
  });
});
