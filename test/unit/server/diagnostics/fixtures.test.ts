// No false positives on real Dockerfiles: every file of the corpus validates without a single error
// or warning (information is allowed: it suggests, it does not accuse). The negative cases must be
// errors, on the line Docker itself complains about.
import * as assert from 'node:assert';
import { describeAll, diagnose, fixture, fixtureFiles } from './support';

const VALID = fixtureFiles('valid');

/** 1-based lines where each invalid fixture must have an error (Docker rejects these files). */
export const INVALID_EXPECTATIONS: Record<string, number[]> = {
  'empty.Dockerfile': [1],
  'only-comments.Dockerfile': [1],
  'env-without-value.Dockerfile': [2],
  'nested-json-brackets.Dockerfile': [2],
  'json-number-element.Dockerfile': [2],
  'run-before-from.Dockerfile': [1],
  'env-before-from.Dockerfile': [1],
  'course-entrypoint-typographic.Dockerfile': [9],
  'cmd-glued-bracket.Dockerfile': [2],
  'unknown-instruction.Dockerfile': [2],
  'from-without-image.Dockerfile': [1],
  'stage-name-starts-with-digit.Dockerfile': [1],
  'onbuild-onbuild.Dockerfile': [2],
  'shell-not-json.Dockerfile': [2],
  'healthcheck-retries-zero.Dockerfile': [2],
  'maintainer-empty.Dockerfile': [2],
  'arg-without-name.Dockerfile': [2],
  'expose-invalid-port.Dockerfile': [2],
  'expose-invalid-protocol.Dockerfile': [2],
  'duplicate-stage-name.Dockerfile': [4],
  'copy-from-own-stage.Dockerfile': [2],
  'copy-from-index-out-of-range.Dockerfile': [5],
  'healthcheck-bad-duration.Dockerfile': [2],
  'from-too-many-words.Dockerfile': [1],
};

describe('fixture corpus (test/fixtures)', () => {
  it('has at least 60 realistic valid Dockerfiles', () => {
    assert.ok(VALID.length >= 60, `only ${VALID.length} files in test/fixtures/valid`);
  });

  it('covers the constructs that trip validators', () => {
    const all = VALID.map((f) => fixture('valid', f)).join('\n');
    const needs: [string, RegExp][] = [
      ['heredoc with a blank line inside', /<<-?'?EO[FT]'?[^\n]*\n(?:[^\n]*\n)*?\s*\n(?:[^\n]*\n)*?\s*EO[FT]/],
      ['# escape=` with Windows paths', /# escape=`[\s\S]*C:\\/],
      ['variables with defaults in FROM', /FROM \$\{[A-Z_]+:-/],
      ['--from by name', /--from=[a-z]/],
      ['--from by index', /--from=\d/],
      ['ONBUILD', /^ONBUILD /m],
      ['HEALTHCHECK', /^HEALTHCHECK /m],
      ['SHELL', /^SHELL \[/m],
      ['--mount', /--mount=type=/],
      ['comments inside continuations', /\\\n\s*#/],
    ];
    for (const [what, re] of needs) { assert.match(all, re, `no fixture with ${what}`); }
    for (const keyword of ['FROM', 'RUN', 'CMD', 'LABEL', 'EXPOSE', 'ENV', 'ADD', 'COPY', 'ENTRYPOINT', 'VOLUME', 'USER', 'WORKDIR', 'ARG', 'ONBUILD', 'STOPSIGNAL', 'HEALTHCHECK', 'SHELL']) {
      assert.match(all, new RegExp(`^${keyword} `, 'm'), `no fixture uses ${keyword}`);
    }
  });

  for (const file of VALID) {
    it(`valid/${file}: no errors, no warnings`, () => {
      const problems = diagnose(fixture('valid', file), { uri: `file:///fixtures/valid/${file}` }).filter((d) => d.severity === 1 || d.severity === 2);
      assert.deepStrictEqual(problems, [], describeAll(problems));
    });
  }

  it('every invalid fixture has an expectation and every expectation a file', () => {
    assert.deepStrictEqual(fixtureFiles('invalid').sort(), Object.keys(INVALID_EXPECTATIONS).sort());
  });

  for (const [file, lines] of Object.entries(INVALID_EXPECTATIONS)) {
    it(`invalid/${file}: an error on line ${lines.join(', ')}`, () => {
      const errors = diagnose(fixture('invalid', file)).filter((d) => d.severity === 1);
      for (const line of lines) {
        assert.ok(errors.some((d) => d.range.start.line + 1 === line), `no error on line ${line}:\n${describeAll(errors)}`);
      }
    });
  }
});
