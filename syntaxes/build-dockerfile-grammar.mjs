#!/usr/bin/env node
// Source of syntaxes/dockerfile.tmLanguage.json (scope source.dockerfile.learning).
//
//   node syntaxes/build-dockerfile-grammar.mjs           rewrite the JSON
//   node syntaxes/build-dockerfile-grammar.mjs --check   exit 1 when the JSON is stale
//
// Why a generator: `# escape=\`` changes Docker's line-continuation character for the whole
// file, and a TextMate grammar cannot carry that as a variable. So every rule that knows the
// escape character exists twice: once for `\` (repository keys as written) and once for the
// backtick (keys ending in `-bt`), the latter reached only through the escape directive.
//
// How a logical Dockerfile line is followed across physical lines (Docker joins lines ending in
// the escape character, and drops comment lines and blank lines inside such a join):
// - argument regions are `begin`/`end` rules ending at EOL (below); the continuation token,
//   comment lines and blank lines are matched *including their newline*, so the end never sees
//   them;
// - embedded shell is never trusted to close: each physical line of a shell-form command is a
//   match whose captures hand the text to source.shell, and captures are tokenized on their own,
//   so whatever the shell grammar leaves open (an unbalanced quote, say) ends with the line; the
//   last line is found by lookahead (`(?![^\n]*\\[ \t]*$)`), not by what the shell grammar did;
// - heredoc bodies are begin/while regions whose `while` fails on the terminator line, so an
//   unbalanced shell construct inside a body cannot swallow the rest of the file either.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const OUT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'dockerfile.tmLanguage.json');
const R = String.raw;

// ── scope names ────────────────────────────────────────────────────────────────────────────
const S = {
  keyword: 'keyword.other.special-method.dockerfile',
  as: 'keyword.other.as.dockerfile',
  none: 'constant.language.none.dockerfile',
  comment: 'comment.line.number-sign.dockerfile',
  commentPunct: 'punctuation.definition.comment.dockerfile',
  directive: 'meta.directive.dockerfile',
  directivePunct: 'punctuation.definition.directive.dockerfile',
  directiveName: 'keyword.other.directive.dockerfile',
  directiveValue: 'string.unquoted.directive-value.dockerfile',
  assign: 'keyword.operator.assignment.dockerfile',
  continuation: 'constant.character.escape.line-continuation.dockerfile',
  escape: 'constant.character.escape.dockerfile',
  invalidEscape: 'invalid.illegal.unrecognized-string-escape.dockerfile',
  flag: 'variable.parameter.flag.dockerfile',
  flagPunct: 'punctuation.definition.flag.dockerfile',
  flagValue: 'string.unquoted.flag-value.dockerfile',
  optionKey: 'entity.other.attribute-name.option.dockerfile',
  optionValue: 'string.unquoted.option-value.dockerfile',
  comma: 'punctuation.separator.comma.dockerfile',
  image: 'entity.name.type.image.dockerfile',
  imageRef: 'meta.image-reference.dockerfile',
  tagSep: 'punctuation.separator.image-tag.dockerfile',
  tag: 'constant.other.image-tag.dockerfile',
  digestSep: 'punctuation.separator.image-digest.dockerfile',
  digest: 'constant.other.image-digest.dockerfile',
  stage: 'entity.name.type.stage.dockerfile',
  array: 'meta.structure.array.json.dockerfile',
  arrayBegin: 'punctuation.definition.array.begin.dockerfile',
  arrayEnd: 'punctuation.definition.array.end.dockerfile',
  arraySep: 'punctuation.separator.array.dockerfile',
  dq: 'string.quoted.double.dockerfile',
  sq: 'string.quoted.single.dockerfile',
  strBegin: 'punctuation.definition.string.begin.dockerfile',
  strEnd: 'punctuation.definition.string.end.dockerfile',
  unquoted: 'string.unquoted.value.dockerfile',
  key: 'variable.other.key.dockerfile',
  variable: 'variable.other.dockerfile',
  varPunct: 'punctuation.definition.variable.dockerfile',
  varBegin: 'punctuation.definition.variable.begin.dockerfile',
  varEnd: 'punctuation.definition.variable.end.dockerfile',
  expansionOp: 'keyword.operator.expansion.dockerfile',
  shell: 'meta.embedded.shell.dockerfile',
  heredocBody: 'meta.embedded.block.heredoc.dockerfile',
  heredocToken: 'keyword.control.heredoc-token.dockerfile',
  heredocOp: 'keyword.operator.heredoc.dockerfile',
  fd: 'constant.numeric.file-descriptor.dockerfile',
  port: 'constant.numeric.port.dockerfile',
  protocol: 'constant.language.protocol.dockerfile',
  signal: 'constant.language.signal.dockerfile',
  signalNumber: 'constant.numeric.signal.dockerfile',
};

// ── regex pieces ───────────────────────────────────────────────────────────────────────────
// `[^\n]*`, never `.*`: Oniguruma optimises a pattern whose first real element is `.*` into
// "anchored at line start", so `(?=\S)(.*)$` silently fails to match in the middle of a line.
const WORD_START = R`(?<![^ \t])`; // at line start or after a blank
const WORD_END = R`(?=[ \t]|$)`;
const NEVER = R`(?!)`;
// End of a non-empty physical line. vscode-textmate appends "\n" to every line; `(?=\n)` rather
// than `$`, because `$` also matches after that newline once a continuation has consumed it.
const EOL = R`(?!^)(?=\n)`;
// Docker's directive syntax (`#` in column 0, known name, non-empty value); only the three
// directives BuildKit knows are highlighted, anything else ends the directive block as Docker does.
const DIRECTIVE = R`#[ \t]*(?i:syntax|escape|check)[ \t]*=[ \t]*\S`;
// Heredoc delimiter word: BuildKit takes the rest of the `<<` word, without its quotes.
const HD_NAME = R`[^\s"'<]+`;
const SH_PREFIX = R`(?:/(?:usr/)?bin/)?(?:ba|da|z|k|a)?sh(?:[ \t]+(?:[-+][A-Za-z]+|-o[ \t]+\w+))*[ \t]+`;
const JSON_STR = R`"(?:[^"\\\n]|\\.)*"`;

const shellInclude = { include: 'source.shell' };
const shellPatterns = [{ include: '#shell-first-command' }, shellInclude];
const cap = (name, patterns) => (patterns ? { name, patterns } : { name });

// Rules that do not depend on the escape character.
const shared = {
  directives: {
    comment: 'Parser directives: only at the very top of the file, before any comment, blank line or instruction.',
    begin: R`\A(?=${DIRECTIVE})`,
    end: R`^(?!${DIRECTIVE})`,
    patterns: [{ include: '#directive-escape-backtick' }, { include: '#directive' }],
  },
  directive: {
    match: R`^((#)[ \t]*((?i:syntax|escape|check))[ \t]*(=)[ \t]*([^\n]*?))[ \t]*$`,
    captures: { 1: cap(S.directive), 2: cap(S.directivePunct), 3: cap(S.directiveName), 4: cap(S.assign), 5: cap(S.directiveValue) },
  },
  'directive-escape-backtick': {
    comment: 'From here to the end of the file the backtick is the escape character: switch to the -bt rules.',
    begin: R`^((#)[ \t]*((?i:escape))[ \t]*(=)[ \t]*(\x60))[ \t]*$\n?`,
    beginCaptures: { 1: cap(S.directive), 2: cap(S.directivePunct), 3: cap(S.directiveName), 4: cap(S.assign), 5: cap(S.directiveValue) },
    end: NEVER,
    patterns: [{ include: '#directive-tail' }, { include: '#comment' }, { include: '#instructions-bt' }],
  },
  'directive-tail': {
    comment: 'Directives that follow `# escape=`` (\\G: the line right after it).',
    begin: R`\G(?=${DIRECTIVE})`,
    end: R`^(?!${DIRECTIVE})`,
    patterns: [{ include: '#directive' }],
  },
  comment: {
    match: R`^([ \t]*)((#)[^\n]*)$`,
    captures: { 2: cap(S.comment), 3: cap(S.commentPunct) },
  },
  'shell-first-command': {
    comment: "VS Code's shell grammar (better-shell-syntax) starts a command only at line start or after ; | & ( {, so the command right after RUN would stay plain: open its command_statement rule for that first word. With a shell grammar that has no such rule this region has no patterns left and vscode-textmate drops it.",
    begin: R`(?<![^ \t])(?=[A-Za-z0-9_./~-])(?!(?:if|then|else|elif|fi|for|while|until|do|done|case|esac|function|select|time|coproc|in)(?:[ \t;]|$))(?![A-Za-z_][A-Za-z0-9_]*\+?=)`,
    end: R`(?=[;|&)\x60{}\]\n]|[ \t]+#)|$`,
    patterns: [{ include: 'source.shell#command_statement' }],
  },
  variables: { patterns: [{ include: '#variable-braced' }, { include: '#variable-simple' }] },
  'variable-simple': {
    match: R`(\$)[A-Za-z_][A-Za-z0-9_]*`,
    name: S.variable,
    captures: { 1: cap(S.varPunct) },
  },
  'variable-braced': {
    begin: R`\$\{`,
    beginCaptures: { 0: cap(S.varBegin) },
    end: R`(\})|(?=$)`,
    endCaptures: { 1: cap(S.varEnd) },
    name: S.variable,
    patterns: [
      { match: R`\G[A-Za-z_][A-Za-z0-9_]*` },
      expansionWord(R`:?[-=]`, 'string.unquoted.default-value.dockerfile'),
      expansionWord(R`:?\+`, 'string.unquoted.alternate-value.dockerfile'),
      expansionWord(R`:?\?`, 'string.unquoted.error-message.dockerfile'),
      expansionWord(R`##?|%%?|//?`, 'string.unquoted.pattern.dockerfile'),
    ],
  },
  'json-escape': {
    patterns: [
      { match: R`\\(?:["\\/bfnrt]|u[0-9A-Fa-f]{4})`, name: S.escape },
      { match: R`\\.`, name: S.invalidEscape },
    ],
  },
  'json-string': jsonString(false),
  'json-string-vars': jsonString(true),
};

function expansionWord(op, contentName) {
  return {
    begin: R`(?<=[A-Za-z0-9_])(${op})`,
    beginCaptures: { 1: cap(S.expansionOp) },
    end: R`(?=\})|(?=$)`,
    contentName,
    patterns: [{ include: '#variables' }],
  };
}

// Exec-form strings are not expanded by Docker (no shell runs), so RUN/CMD/ENTRYPOINT/SHELL use
// the variant without variables; COPY/ADD/VOLUME JSON arguments are expanded.
function jsonString(vars) {
  return {
    name: S.dq,
    begin: '"',
    beginCaptures: { 0: cap(S.strBegin) },
    end: R`(")|(?=$)`,
    endCaptures: { 1: cap(S.strEnd) },
    patterns: [{ include: '#json-escape' }, ...(vars ? [{ include: '#variables' }] : [])],
  };
}

// Rules that depend on the escape character E; `sfx` is '' or '-bt'.
function modeRules(E, sfx) {
  const inc = (name) => ({ include: `#${name}${sfx}` });
  const incShared = (name) => ({ include: `#${name}` });
  const CONT_AHEAD = R`(?=[^\n]*${E}[ \t]*$)`;
  const NO_CONT_AHEAD = R`(?![^\n]*${E}[ \t]*$)`;
  const JSON_AHEAD = R`(?=[ \t]*(?:${JSON_STR}[ \t]*(?:,[ \t]*${JSON_STR}[ \t]*)*)?(?:\][ \t]*$|,?[ \t]*${E}[ \t]*$))`;

  const instruction = (kw, patterns, id = kw.toLowerCase()) => ({
    name: `meta.instruction.${id}.dockerfile`,
    begin: R`(?:^|\G)[ \t]*((?i:${kw}))${WORD_END}`,
    beginCaptures: { 1: cap(S.keyword) },
    end: EOL,
    patterns: [inc('continuation'), ...patterns],
  });

  const array = (strRule, ahead) => ({
    name: S.array,
    begin: R`(\[)${ahead}`,
    beginCaptures: { 1: cap(S.arrayBegin) },
    end: R`(\])|${EOL}`,
    endCaptures: { 1: cap(S.arrayEnd) },
    patterns: [inc('continuation'), incShared(strRule), { match: ',', name: S.arraySep }],
  });

  // Heredocs. The wrapper captures the delimiter (inside a lookahead) so that its `end` can
  // consume the terminator line; the body is a begin/while nested in it.
  const heredocToken = (dash, quote = R`["']?`) =>
    R`((\d*)(${dash ? '<<-' : R`<<(?!-)`})(${quote})(${HD_NAME})(\4))${WORD_END}`;
  const heredocBody = (dash, quote, rest, body) => ({
    begin: R`${heredocToken(dash, quote)}([^\n]*)$`,
    beginCaptures: {
      1: cap(S.heredocToken), 2: cap(S.fd), 3: cap(S.heredocOp), 4: cap(S.strBegin), 6: cap(S.strEnd), 7: rest,
    },
    while: dash ? R`^(?!\t*\5$)` : R`^(?!\5$)`,
    contentName: body === 'shell' ? `${S.heredocBody} ${S.shell}` : S.heredocBody,
    patterns: body === 'shell' ? [shellInclude] : body === 'expand' ? [incShared('variables')] : [],
  });
  const heredoc = (kind, dash) => {
    const lead = kind === 'run-shell' ? R`(?:${SH_PREFIX})?` : R`[^\n]*?`;
    const restRule = kind === 'copy' ? { patterns: [inc('word-args')] } : cap(S.shell, [shellInclude]);
    const bodies = kind === 'run-shell'
      ? [heredocBody(dash, R`["']?`, restRule, 'shell')]
      : [heredocBody(dash, '', restRule, 'expand'), heredocBody(dash, R`["']`, restRule, 'literal')];
    return {
      begin: R`(?=[^ \t\n])(?=${lead}${WORD_START}\d*${dash ? '<<-' : R`<<(?!-)`}(["']?)(${HD_NAME})\1${WORD_END})`,
      end: dash ? R`^\t*(\2)$` : R`^(\2)$`,
      endCaptures: { 1: cap(S.heredocToken) },
      patterns: [
        ...bodies,
        {
          comment: 'Text before the heredoc word on its line.',
          match: R`([^\n]+?)(?=${WORD_START}\d*<<-?["']?[^\s"'<])`,
          captures: { 1: kind === 'copy' ? { patterns: [inc('word-args')] } : cap(S.shell, shellPatterns) },
        },
      ],
    };
  };

  const rules = {
    'line-continuation': { match: R`(${E})[ \t]*$\n?`, captures: { 1: cap(S.continuation) } },
    'continuation-comment': {
      comment: 'A comment line inside a continued instruction: Docker drops it, the instruction goes on.',
      match: R`^([ \t]*)((#)[^\n]*)$\n?`,
      captures: { 2: cap(S.comment), 3: cap(S.commentPunct) },
    },
    'continuation-blank': { comment: 'Docker skips blank lines inside a continued instruction.', match: R`^[ \t]*$\n` },
    continuation: { patterns: [inc('continuation-comment'), inc('continuation-blank'), inc('line-continuation')] },
    escape: { match: R`${E}.`, name: S.escape },

    instructions: {
      patterns: ['from', 'run', 'cmd', 'entrypoint', 'shell', 'healthcheck', 'onbuild', 'env', 'arg', 'label', 'expose',
        'stopsignal', 'user', 'workdir', 'volume', 'copy', 'add', 'maintainer', 'unknown'].map((n) => inc(`instruction-${n}`)),
    },
    // ONBUILD may not trigger ONBUILD, FROM or MAINTAINER; those fall through to `unknown`.
    'onbuild-instructions': {
      patterns: ['run', 'cmd', 'entrypoint', 'shell', 'healthcheck', 'env', 'arg', 'label', 'expose',
        'stopsignal', 'user', 'workdir', 'volume', 'copy', 'add', 'unknown'].map((n) => inc(`instruction-${n}`)),
    },

    'instruction-from': instruction('FROM', [inc('flags'), inc('from-stage'), inc('image-reference')]),
    'instruction-run': instruction('RUN', [inc('flags'), inc('exec-form'), inc('heredocs-run'), inc('shell-form')]),
    'instruction-cmd': instruction('CMD', [inc('exec-form'), inc('shell-form')]),
    'instruction-entrypoint': instruction('ENTRYPOINT', [inc('exec-form'), inc('shell-form')]),
    'instruction-shell': instruction('SHELL', [inc('exec-form')]),
    'instruction-healthcheck': instruction('HEALTHCHECK', [
      inc('flags'),
      { match: R`${WORD_START}((?i:NONE))${WORD_END}`, captures: { 1: cap(S.none) } },
      inc('healthcheck-cmd'),
    ]),
    'instruction-onbuild': instruction('ONBUILD', [inc('onbuild-instructions')]),
    'instruction-env': instruction('ENV', [inc('key-value'), inc('env-legacy')]),
    'instruction-arg': instruction('ARG', [inc('key-value'), { match: R`${WORD_START}([A-Za-z_][A-Za-z0-9_]*)${WORD_END}`, captures: { 1: cap(S.key) } }]),
    'instruction-label': instruction('LABEL', [inc('key-value')]),
    'instruction-expose': instruction('EXPOSE', [
      {
        match: R`${WORD_START}(\d+)(?:(-)(\d+))?(?:(/)((?i:tcp|udp|sctp)))?${WORD_END}`,
        captures: { 1: cap(S.port), 2: cap('punctuation.separator.range.dockerfile'), 3: cap(S.port), 4: cap('punctuation.separator.protocol.dockerfile'), 5: cap(S.protocol) },
      },
      { match: R`(/)((?i:tcp|udp|sctp))${WORD_END}`, captures: { 1: cap('punctuation.separator.protocol.dockerfile'), 2: cap(S.protocol) } },
      incShared('variables'),
    ]),
    'instruction-stopsignal': instruction('STOPSIGNAL', [
      { match: R`${WORD_START}(?:SIG)?[A-Z][A-Z0-9]*(?:[+-]\d+)?${WORD_END}`, name: S.signal },
      { match: R`${WORD_START}\d+${WORD_END}`, name: S.signalNumber },
      incShared('variables'),
    ]),
    'instruction-user': instruction('USER', [incShared('variables'), { match: ':', name: 'punctuation.separator.user-group.dockerfile' }]),
    'instruction-workdir': instruction('WORKDIR', [inc('word-args')]),
    'instruction-volume': instruction('VOLUME', [inc('exec-form-vars'), inc('word-args')]),
    'instruction-copy': instruction('COPY', [inc('flags'), inc('exec-form-vars'), inc('heredocs-copy'), inc('word-args')]),
    'instruction-add': instruction('ADD', [inc('flags'), inc('exec-form-vars'), inc('heredocs-copy'), inc('word-args')]),
    'instruction-maintainer': instruction('MAINTAINER', [inc('word-args')]),
    'instruction-unknown': {
      name: 'meta.instruction.unknown.dockerfile',
      begin: R`(?:^|\G)[ \t]*(?=[A-Za-z])`,
      end: EOL,
      patterns: [inc('continuation'), inc('word-args')],
    },

    'healthcheck-cmd': {
      begin: R`${WORD_START}((?i:CMD))${WORD_END}`,
      beginCaptures: { 1: cap(S.keyword) },
      end: EOL,
      patterns: [inc('continuation'), inc('exec-form'), inc('shell-form')],
    },

    // ── flags ──
    flags: { patterns: [inc('flag-from-stage'), inc('flag-with-options'), inc('flag-with-value'), inc('flag-boolean')] },
    'flag-from-stage': {
      match: R`${WORD_START}((--)(?i:from))(=)([A-Za-z0-9_][A-Za-z0-9_.-]*)${WORD_END}`,
      captures: { 1: cap(S.flag), 2: cap(S.flagPunct), 3: cap(S.assign), 4: cap(S.stage) },
    },
    'flag-with-options': {
      comment: 'A flag whose value is a key=value list, e.g. --mount=type=cache,target=/root/.cache',
      begin: R`${WORD_START}((--)[A-Za-z][\w-]*)(=)(?=[^\s,=]+=)`,
      beginCaptures: { 1: cap(S.flag), 2: cap(S.flagPunct), 3: cap(S.assign) },
      end: R`(?=[ \t]|$)`,
      patterns: [
        inc('continuation'),
        { match: ',', name: S.comma },
        {
          match: R`([A-Za-z][\w.-]*)(?:(=)([^\s,${E}]*))?`,
          captures: { 1: cap(S.optionKey), 2: cap(S.assign), 3: cap(S.optionValue, [incShared('variables')]) },
        },
      ],
    },
    'flag-with-value': {
      begin: R`${WORD_START}((--)[A-Za-z][\w-]*)(=)`,
      beginCaptures: { 1: cap(S.flag), 2: cap(S.flagPunct), 3: cap(S.assign) },
      end: R`(?=[ \t]|$)`,
      contentName: S.flagValue,
      patterns: [inc('continuation'), incShared('variables')],
    },
    'flag-boolean': { match: R`${WORD_START}((--)[A-Za-z][\w-]*)${WORD_END}`, captures: { 1: cap(S.flag), 2: cap(S.flagPunct) } },

    // ── FROM ──
    'from-stage': {
      match: R`${WORD_START}((?i:AS))(?:[ \t]+([^\s${E}]+))?${WORD_END}`,
      captures: { 1: cap(S.as), 2: cap(S.stage) },
    },
    'image-reference': {
      name: S.imageRef,
      begin: R`(?=[^ \t\n])`,
      end: R`(?=[ \t]|$)`,
      patterns: [
        inc('line-continuation'),
        incShared('variables'),
        { match: R`(@)([^\s${E}]+)`, captures: { 1: cap(S.digestSep), 2: cap(S.digest, [incShared('variables')]) } },
        {
          match: R`(:)((?:[\w.-]|\$\{[^}\s]*\}|\$[A-Za-z_]\w*)+)(?=[@ \t]|${E}|$)`,
          captures: { 1: cap(S.tagSep), 2: cap(S.tag, [incShared('variables')]) },
        },
        { comment: 'a colon followed later by / belongs to registry host:port', match: R`(?:[^\s@:$${E}]|:(?=[^\s@]*/))+`, name: S.image },
      ],
    },

    // ── exec form, shell form ──
    'exec-form': array('json-string', JSON_AHEAD),
    'exec-form-vars': array('json-string-vars', JSON_AHEAD),
    'shell-form': { patterns: [inc('shell-single'), inc('shell-multi')] },
    'shell-single': {
      comment: 'A shell command that ends on this line.',
      match: R`(?=[^ \t\n])${NO_CONT_AHEAD}([^\n]*)$`,
      captures: { 1: cap(S.shell, shellPatterns) },
    },
    'shell-multi': {
      comment: 'A shell command continued over several lines; ends with the first real line not ending in the escape character.',
      name: S.shell,
      begin: R`(?=[^ \t\n])${CONT_AHEAD}`,
      end: R`^(?![ \t]*#)(?=[ \t]*[^ \t\n])${NO_CONT_AHEAD}([^\n]*)$`,
      endCaptures: { 1: { patterns: shellPatterns } },
      patterns: [inc('continuation-comment'), inc('continuation-blank'), inc('shell-line')],
    },
    'shell-line': {
      comment: 'One continued physical line: captures are tokenized on their own, so nothing the shell grammar leaves open reaches the next line.',
      match: R`(?:^|\G)([^\n]*?)(${E})[ \t]*$`,
      captures: { 1: { patterns: shellPatterns }, 2: cap(S.continuation) },
    },

    // ── heredocs ──
    'heredocs-run': {
      patterns: [heredoc('run-shell', false), heredoc('run-shell', true), heredoc('run-data', false), heredoc('run-data', true)],
    },
    'heredocs-copy': { patterns: [heredoc('copy', false), heredoc('copy', true)] },

    // ── ENV / ARG / LABEL ──
    'key-value': {
      begin: R`${WORD_START}((?:"(?:[^"\\\n]|\\.)*"|'[^'\n]*'|[^\s="'$${E}])+)(=)`,
      beginCaptures: { 1: cap(S.key), 2: cap(S.assign) },
      end: R`(?=[ \t]|$)`,
      patterns: [inc('continuation'), inc('value-parts')],
    },
    'env-legacy': {
      comment: 'ENV KEY value with spaces (old form: everything after the key is the value)',
      begin: R`\G[ \t]+([^\s="'$${E}]+)[ \t]+(?=[^ \t\n])`,
      beginCaptures: { 1: cap(S.key) },
      end: EOL,
      contentName: S.unquoted,
      patterns: [inc('continuation'), inc('escape'), incShared('variables')],
    },
    'value-parts': {
      patterns: [
        inc('string-double'),
        inc('string-single'),
        inc('escape'),
        incShared('variables'),
        { match: R`(?:[^\s"'$${E}]|\$(?![{A-Za-z_]))+`, name: S.unquoted },
      ],
    },
    'word-args': {
      patterns: [inc('string-double'), inc('string-single'), inc('escape'), incShared('variables')],
    },
    'string-double': {
      name: S.dq,
      begin: '"',
      beginCaptures: { 0: cap(S.strBegin) },
      end: R`(")|${EOL}`,
      endCaptures: { 1: cap(S.strEnd) },
      patterns: [inc('continuation'), inc('escape'), incShared('variables')],
    },
    'string-single': {
      comment: 'No substitution and no escapes inside single quotes.',
      name: S.sq,
      begin: "'",
      beginCaptures: { 0: cap(S.strBegin) },
      end: R`(')|${EOL}`,
      endCaptures: { 1: cap(S.strEnd) },
      patterns: [inc('continuation')],
    },
  };

  return Object.fromEntries(Object.entries(rules).map(([k, v]) => [`${k}${sfx}`, v]));
}

const grammar = {
  $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
  information_for_contributors: [
    'Generated by syntaxes/build-dockerfile-grammar.mjs: edit that file, then run `node syntaxes/build-dockerfile-grammar.mjs`.',
    'Tests: test/grammar (see test/grammar/README.md).',
  ],
  name: 'Dockerfile (Docker Learning)',
  scopeName: 'source.dockerfile.learning',
  fileTypes: ['Dockerfile', 'Containerfile', 'dockerfile', 'containerfile'],
  patterns: [{ include: '#directives' }, { include: '#comment' }, { include: '#instructions' }],
  repository: { ...shared, ...modeRules(R`\\`, ''), ...modeRules('`', '-bt') },
};

const json = `${JSON.stringify(grammar, null, 2)}\n`;
if (process.argv.includes('--check')) {
  const current = fs.existsSync(OUT) ? fs.readFileSync(OUT, 'utf8') : '';
  if (current !== json) {
    console.error(`${path.relative(process.cwd(), OUT)} is stale: run node syntaxes/build-dockerfile-grammar.mjs`);
    process.exit(1);
  }
  console.log(`${path.relative(process.cwd(), OUT)} is up to date`);
} else {
  fs.writeFileSync(OUT, json);
  console.log(`wrote ${path.relative(process.cwd(), OUT)} (${json.length} bytes)`);
}
