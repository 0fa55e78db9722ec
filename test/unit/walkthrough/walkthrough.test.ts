// The Learn Docker walkthrough as the manifest declares it: the course's order, completion events that
// name real commands, views and our context keys, and media that exist in English and Chinese.
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { contextKey, isMultiStage, PROGRESS_KEYS, progressFromEvent, WALKTHROUGH_COMMANDS, WALKTHROUGH_ID } from '../../../client/src/walkthrough/progress';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const CJK = /[\u4e00-\u9fff]/;
const LANGS = ['en', 'zh-cn'] as const;
type Lang = typeof LANGS[number];

interface Step {
  id: string; title: string; description: string; completionEvents?: string[];
  media: { markdown?: string; svg?: string; image?: unknown; altText?: string };
}
interface Manifest {
  contributes: {
    commands: { command: string; title: string }[];
    views: Record<string, { id: string }[]>;
    walkthroughs?: { id: string; title: string; description: string; steps: Step[] }[];
  };
}

const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Manifest;
const nls: Record<Lang, Record<string, string>> = {
  en: JSON.parse(fs.readFileSync(path.join(ROOT, 'package.nls.json'), 'utf8')),
  'zh-cn': JSON.parse(fs.readFileSync(path.join(ROOT, 'package.nls.zh-cn.json'), 'utf8')),
};
/** A manifest string as VS Code shows it in `lang`: "%key%" replaced from package.nls(.lang).json. */
function localized(lang: Lang, value: string): string {
  const m = /^%(.+)%$/.exec(value);
  if (!m) { return value; }
  const text = nls[lang][m[1]];
  assert.ok(text !== undefined, `${m[1]} is in package.nls${lang === 'en' ? '' : `.${lang}`}.json`);
  return text;
}

const COURSE_ORDER = ['imagesAndContainers', 'checkEngine', 'firstContainer', 'lookInside', 'stopRemove', 'dockerfileHelp', 'multiStage', 'saveLoad', 'tagPush'];
/** VS Code's own commands that step descriptions may link to. */
const BUILT_IN_COMMANDS = new Set(['workbench.view.extension.dockerLearning', 'workbench.action.openSettings']);

const walkthrough = manifest.contributes.walkthroughs?.find((w) => w.id === WALKTHROUGH_ID);
const commands = new Set(manifest.contributes.commands.map((c) => c.command));
const views = new Set(Object.values(manifest.contributes.views).flat().map((v) => v.id));

describe('walkthrough in the manifest', () => {
  it(`is contributed as ${WALKTHROUGH_ID}, with steps in the course's order`, () => {
    assert.ok(walkthrough, 'contributes.walkthroughs has it');
    assert.deepStrictEqual(walkthrough.steps.map((s) => s.id), COURSE_ORDER);
  });

  for (const lang of LANGS) {
    it(`${lang}: every title and description is translated`, () => {
      const texts = [walkthrough!.title, walkthrough!.description, ...walkthrough!.steps.flatMap((s) => [s.title, s.description])];
      for (const t of texts) {
        assert.match(t, /^%.+%$/, `${t} comes from package.nls`);
        const text = localized(lang, t);
        if (lang === 'zh-cn') { assert.match(text, CJK, text); }
      }
    });
  }

  for (const step of walkthrough?.steps ?? []) {
    describe(`step ${step.id}`, () => {
      it('completes on real events: our commands, our context keys or our views', () => {
        const events = step.completionEvents ?? [];
        assert.ok(events.length > 0, 'has completion events (a step without them completes when merely opened)');
        for (const e of events) {
          const [kind, ...rest] = e.split(':');
          const arg = rest.join(':');
          if (kind === 'onCommand') { assert.ok(commands.has(arg), `${arg} is a contributed command`); }
          else if (kind === 'onContext') { assert.ok(PROGRESS_KEYS.some((k) => contextKey(k) === arg), `${arg} is a context key the tracker sets`); }
          else if (kind === 'onView') { assert.ok(views.has(arg), `${arg} is a contributed view`); }
          else { assert.fail(`unexpected completion event ${e}`); }
        }
      });

      for (const lang of LANGS) {
        it(`${lang}: buttons run commands that exist`, () => {
          const links = [...localized(lang, step.description).matchAll(/\]\(command:([\w.]+)/g)].map((m) => m[1]);
          for (const id of links) { assert.ok(commands.has(id) || BUILT_IN_COMMANDS.has(id), `${id} is contributed (or VS Code's own)`); }
        });

        it(`${lang}: its media file exists and is in that language`, () => {
          const media = step.media;
          const file = media.markdown ?? media.svg;
          assert.ok(file, 'markdown or svg media');
          assert.match(file, /^%.+%$/, 'the media path is localized through package.nls');
          const rel = localized(lang, file);
          const abs = path.join(ROOT, rel);
          assert.ok(fs.existsSync(abs), `${rel} exists`);
          assert.match(rel, /^media\/walkthrough\//, 'under media/walkthrough (shipped in the .vsix)');
          assert.match(rel, media.markdown ? /\.md$/ : /\.svg$/);
          const text = fs.readFileSync(abs, 'utf8');
          if (lang === 'zh-cn') { assert.match(text, CJK); assert.match(rel, /\.zh-cn\.(md|svg)$/); } else { assert.doesNotMatch(text.replace(/简体中文/g, ''), CJK, 'English (naming the language 简体中文 is fine)'); }
          if (media.svg) { assert.match(localized(lang, media.altText ?? ''), lang === 'zh-cn' ? CJK : /\w/); }
        });
      }
    });
  }

  it('every context key the tracker can set completes some step', () => {
    const used = new Set(walkthrough?.steps.flatMap((s) => s.completionEvents ?? []).filter((e) => e.startsWith('onContext:')).map((e) => e.slice('onContext:'.length)));
    assert.deepStrictEqual(PROGRESS_KEYS.map(contextKey).filter((k) => !used.has(k)), []);
  });

  it('our walkthrough commands are contributed, with titles in both languages', () => {
    for (const id of [...Object.values(WALKTHROUGH_COMMANDS), 'dockerLearning.createDockerignore']) {
      const c = manifest.contributes.commands.find((x) => x.command === id);
      assert.ok(c, `${id} is contributed`);
      assert.match(localized('zh-cn', c.title), CJK);
      assert.doesNotMatch(localized('en', c.title), CJK);
    }
  });

  it('every media file under media/walkthrough is used by a step in some language', () => {
    const used = new Set(walkthrough?.steps.flatMap((s) => LANGS.map((l) => path.posix.basename(localized(l, s.media.markdown ?? s.media.svg ?? '')))));
    const files = fs.readdirSync(path.join(ROOT, 'media', 'walkthrough'));
    assert.deepStrictEqual(files.filter((f) => !used.has(f)), []);
  });
});

describe('walkthrough pictures (SVG)', () => {
  const svgs = fs.readdirSync(path.join(ROOT, 'media', 'walkthrough')).filter((f) => f.endsWith('.svg'));
  const shape = (text: string) => ['<rect', '<text', '<path'].map((tag) => text.split(tag).length - 1);

  for (const file of svgs) {
    it(`${file}: colours that read in light, dark and high-contrast themes`, () => {
      const text = fs.readFileSync(path.join(ROOT, 'media', 'walkthrough', file), 'utf8');
      assert.doesNotMatch(text, /currentColor/);
      // Either a fixed colour (filled shapes with their own text colour) or a theme variable with a fallback.
      for (const m of text.matchAll(/(?:fill|stroke)="([^"]*)"/g)) {
        assert.match(m[1], /^(none|#[0-9a-f]{6}|var\(--vscode-[\w-]+, (#[0-9a-f]{6}|none)\))$/i, `${m[0]} in ${file}`);
      }
      assert.match(text, /<title[^>]*>[^<]{20,}<\/title>/, 'has a title for screen readers');
    });
  }

  it('each Chinese picture has the same drawing as its English one', () => {
    for (const zh of svgs.filter((f) => f.endsWith('.zh-cn.svg'))) {
      const en = zh.replace('.zh-cn.svg', '.svg');
      assert.deepStrictEqual(shape(fs.readFileSync(path.join(ROOT, 'media', 'walkthrough', zh), 'utf8')),
        shape(fs.readFileSync(path.join(ROOT, 'media', 'walkthrough', en), 'utf8')), `${zh} vs ${en}`);
    }
  });
});

describe('walkthrough progress from engine events', () => {
  const cases: [string, string, string | undefined][] = [
    ['container', 'start', 'containerStarted'],
    ['container', 'exec_start: sh', 'lookedInside'],
    ['container', 'exec_start: /bin/bash -l', 'lookedInside'],
    ['container', 'top', 'lookedInside'],
    ['container', 'destroy', 'containerRemoved'],
    ['image', 'load', 'imageLoaded'],
    ['image', 'push', 'imagePushed'],
    // A build tags its image, and a stop is not yet a removal: neither completes a step.
    ['image', 'tag', undefined],
    ['container', 'stop', undefined],
    ['container', 'exec_create: sh', undefined],
    ['network', 'connect', undefined],
  ];
  for (const [Type, Action, key] of cases) {
    it(`${Type} ${Action} → ${key ?? 'nothing'}`, () => assert.strictEqual(progressFromEvent({ Type, Action }), key));
  }
});

describe('isMultiStage (the multi-stage step)', () => {
  it('needs two stages and a COPY --from', () => {
    assert.ok(isMultiStage('FROM gcc:9.4 AS builder\nRUN make\nFROM alpine:3.20\nCOPY --from=builder /a /a\n'));
    assert.ok(isMultiStage('from golang:1.22 as b\nfrom scratch\ncopy --chown=1:1 --from=b /x /x\n'));
    assert.ok(!isMultiStage('FROM alpine:3.20\nCOPY --from=nginx:1.27 /etc/nginx /x\n'), 'one stage copying from an image');
    assert.ok(!isMultiStage('FROM a:1\nFROM b:1\nCOPY x /x\n'), 'two stages but nothing taken from the first');
    assert.ok(!isMultiStage('# FROM a:1\n# FROM b:1\n# COPY --from=0 /a /a\n'), 'comments');
  });
});
