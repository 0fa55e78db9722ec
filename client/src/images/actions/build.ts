// Build image: a Dockerfile (explorer menu, editor title, palette) → tag, context folder, target
// stage and build args → the engine's classic builder, output streamed into a terminal. The
// context tar honours .dockerignore and never follows symlinks (engine/buildContext.ts). A failed
// step becomes a diagnostic on the Dockerfile line that made it.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { dockerCommand } from '../../cli/shellQuote';
import { showCliEquivalent } from '../../cli/cliEquivalent';
import { createBuildContext } from '../../engine/buildContext';
import { buildImage, CancelledError } from '../../engine/images';
import { failureText } from '../../containers/texts';
import { OutputTerminal } from '../buildTerminal';
import { BuildTracker, buildErrorLocation } from '../model/buildOutput';
import { buildArgs as argsOf, parseDockerfile, targetStage, type ParsedDockerfile } from '../model/dockerfile';
import { humanSize } from '../model/format';
import { imageRefProblem, withDefaultTag } from '../model/imageRef';
import { envProblem, splitWords } from '../model/runCommand';
import { buildArgsProblem } from '../model/inputRules';
import { cliPath, showActionError, type ImagesContext } from './common';

export const BUILD_DIAGNOSTICS = 'docker-learning-build';

export interface BuildArgs {
  tag: string;
  /** The context folder (a path or a file: URI); default: the Dockerfile's folder. */
  context: string;
  /** A stage name; null builds the last stage without asking. */
  target: string | null;
  buildArgs: Record<string, string>;
  labels: Record<string, string>;
}

export interface BuildResult {
  ok: boolean;
  tag: string;
  dockerfile: string;
  imageId?: string;
  error?: string;
  /** 0-based line of the diagnostic when the failure points into the Dockerfile. */
  line?: number;
  step?: number;
  command: string;
  cancelled?: boolean;
  /** The images the steps committed (" ---> id"): after a failure, the last ones stay as build cache. */
  stepImages: string[];
}

/** Explorer menus pass (uri, selectedUris[]), the editor title (uri, { groupId }): only a real options object counts. */
function asBuildArgs(value: unknown): Partial<BuildArgs> | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) { return undefined; }
  return ['tag', 'context', 'target', 'buildArgs', 'labels'].some((k) => k in value) ? value as Partial<BuildArgs> : undefined;
}

async function pickDockerfile(): Promise<vscode.Uri | undefined> {
  const active = vscode.window.activeTextEditor?.document;
  if (active?.languageId === 'dockerfile' && active.uri.scheme === 'file') { return active.uri; }
  const files = await vscode.workspace.findFiles('**/{Dockerfile,Dockerfile.*,*.dockerfile,*.Dockerfile,Containerfile}', '**/node_modules/**', 50);
  if (files.length === 1) { return files[0]; }
  const pick = await vscode.window.showQuickPick(files.map((uri) => ({ label: vscode.workspace.asRelativePath(uri), uri })), { placeHolder: vscode.l10n.t('Dockerfile to build') });
  return pick?.uri;
}

function defaultTag(folder: string): string {
  const base = path.basename(folder).toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '');
  return `${base || 'image'}:latest`;
}

async function askTarget(parsed: ParsedDockerfile): Promise<string | null | undefined> {
  if (parsed.stages.length < 2) { return null; }
  const last = parsed.stages[parsed.stages.length - 1];
  const items = [...parsed.stages].reverse().map((s) => ({
    label: s.name ?? vscode.l10n.t('stage {0}', s.index),
    description: `FROM ${s.base} · ${vscode.l10n.t('line {0}', s.line + 1)}`,
    detail: s === last ? vscode.l10n.t('The last stage: what a build without --target produces') : vscode.l10n.t('Stop at this stage (--target): later stages are not built'),
    target: s === last ? null : s.name ?? String(s.index),
  }));
  const pick = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Target stage (--target)'), placeHolder: vscode.l10n.t('This Dockerfile has {0} stages', parsed.stages.length) });
  return pick ? pick.target : undefined;
}

export async function buildAction(ctx: ImagesContext, diagnostics: vscode.DiagnosticCollection, uriArg?: unknown, rawArgs?: unknown): Promise<BuildResult | undefined> {
  const args = asBuildArgs(rawArgs);
  try {
    const uri = uriArg instanceof vscode.Uri ? uriArg : (uriArg && typeof uriArg === 'object' && 'fsPath' in uriArg) ? vscode.Uri.file(String((uriArg as { fsPath: unknown }).fsPath)) : await pickDockerfile();
    if (!uri) { return undefined; }
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    // The engine reads the file from disk: unsaved edits would be built without the learner knowing.
    if (open?.isDirty) { await open.save(); }
    const text = open?.getText() ?? new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    const parsed = parseDockerfile(text);
    const dockerfileDir = path.dirname(uri.fsPath);

    let tag = args?.tag;
    if (tag === undefined) {
      tag = await vscode.window.showInputBox({
        title: vscode.l10n.t('Build {0}: image name (-t)', vscode.workspace.asRelativePath(uri)),
        prompt: vscode.l10n.t('name:tag for the new image, e.g. hello:1 — or account/hello:1 if you will push it to Docker Hub'),
        value: defaultTag(dockerfileDir),
        validateInput: (v) => imageRefProblem(v, vscode.l10n.t),
      });
      if (!tag) { return undefined; }
    }
    tag = withDefaultTag(tag.trim());
    const problem = imageRefProblem(tag, vscode.l10n.t);
    if (problem) { throw new Error(problem); }

    let contextDir = args?.context ? (args.context.startsWith('file:') ? vscode.Uri.parse(args.context).fsPath : args.context) : args ? dockerfileDir : undefined;
    if (contextDir === undefined) {
      const folder = vscode.workspace.getWorkspaceFolder(uri)?.uri.fsPath;
      const items: Array<vscode.QuickPickItem & { dir?: string }> = [
        { label: cliPath(dockerfileDir), description: vscode.l10n.t('the Dockerfile’s folder'), dir: dockerfileDir },
      ];
      if (folder && folder !== dockerfileDir) { items.push({ label: cliPath(folder), description: vscode.l10n.t('the workspace folder'), dir: folder }); }
      items.push({ label: vscode.l10n.t('Choose another folder…') });
      const pick = await vscode.window.showQuickPick(items, {
        title: vscode.l10n.t('Build context: the folder sent to the engine (COPY and ADD read from it)'),
      });
      if (!pick) { return undefined; }
      if (pick.dir) { contextDir = pick.dir; } else {
        const chosen = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, defaultUri: vscode.Uri.file(dockerfileDir), openLabel: vscode.l10n.t('Use as build context') });
        if (!chosen?.length) { return undefined; }
        contextDir = chosen[0].fsPath;
      }
    }

    let target = args ? args.target ?? null : undefined;
    if (target === undefined) {
      const picked = await askTarget(parsed);
      if (picked === undefined) { return undefined; }
      target = picked;
    }
    if (target && !targetStage(parsed, target)) {
      throw new Error(vscode.l10n.t('This Dockerfile has no stage named {0}', target));
    }

    let buildArgs = args ? args.buildArgs ?? {} : undefined;
    if (buildArgs === undefined) {
      buildArgs = {};
      const declared = argsOf(parsed);
      if (declared.length) {
        const answer = await vscode.window.showInputBox({
          title: vscode.l10n.t('Build arguments (--build-arg), optional'),
          prompt: vscode.l10n.t('KEY=value separated by spaces. This Dockerfile declares: {0}', declared.map((a) => (a.defaultValue !== undefined ? `${a.name}=${a.defaultValue}` : a.name)).join(' ')),
          placeHolder: declared.map((a) => `${a.name}=…`).join(' '),
          validateInput: (v) => envProblem(v, vscode.l10n.t),
        });
        if (answer === undefined) { return undefined; }
        for (const word of splitWords(answer)) { const eq = word.indexOf('='); buildArgs[word.slice(0, eq)] = word.slice(eq + 1); }
      }
    }
    // Build args from executeCommand never went through the input box: checked before the engine sees them.
    const argsProblem = buildArgsProblem(buildArgs, vscode.l10n.t);
    if (argsProblem) { throw new Error(argsProblem); }
    return await runBuild(ctx, diagnostics, { uri, text, parsed, tag, contextDir, target: target ?? undefined, buildArgs, labels: args?.labels ?? {} });
  } catch (e) {
    await showActionError(vscode.l10n.t('Build image'), e);
    return undefined;
  }
}

interface BuildPlan {
  uri: vscode.Uri;
  text: string;
  parsed: ParsedDockerfile;
  tag: string;
  contextDir: string;
  target?: string;
  buildArgs: Record<string, string>;
  labels: Record<string, string>;
}

async function runBuild(ctx: ImagesContext, diagnostics: vscode.DiagnosticCollection, plan: BuildPlan): Promise<BuildResult> {
  const { uri, parsed, tag, contextDir } = plan;
  diagnostics.delete(uri);
  const relDockerfile = path.relative(contextDir, uri.fsPath);
  const inside = !relDockerfile.startsWith('..') && !path.isAbsolute(relDockerfile);
  // A Dockerfile outside the context travels inside it under a private name, as the CLI does.
  const dockerfileName = inside ? relDockerfile.split(path.sep).join('/') : `.docker-learning.Dockerfile.${Date.now().toString(36)}`;
  const cli: string[] = ['image', 'build', '-t', tag];
  if (path.resolve(contextDir, 'Dockerfile') !== path.resolve(uri.fsPath)) { cli.push('-f', cliPath(uri.fsPath)); }
  if (plan.target) { cli.push('--target', plan.target); }
  for (const [k, v] of Object.entries(plan.buildArgs)) { cli.push('--build-arg', `${k}=${v}`); }
  for (const [k, v] of Object.entries(plan.labels)) { cli.push('--label', `${k}=${v}`); }
  cli.push(cliPath(contextDir));
  const command = dockerCommand(...cli);
  const tracker = new BuildTracker();
  const result: BuildResult = { ok: false, tag, dockerfile: uri.toString(), command, stepImages: tracker.stepImages };

  const controller = new AbortController();
  const out = new OutputTerminal(vscode.l10n.t('Build {0}', tag), () => controller.abort());
  out.terminal.show(true);
  out.note(`$ ${command}`);
  try {
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Building {0}', tag), cancellable: true }, async (progress, token) => {
      token.onCancellationRequested(() => controller.abort());
      const context = await createBuildContext(contextDir, {
        dockerfile: inside ? dockerfileName : undefined,
        extraFiles: inside ? [] : [{ name: dockerfileName, content: Buffer.from(plan.text, 'utf8') }],
      });
      out.write(`Sending build context to Docker daemon  ${humanSize(context.size)}\n`);
      if (context.listing.ignorePatterns.length) { out.note(vscode.l10n.t('.dockerignore kept {0} entries out of the context', context.listing.ignorePatterns.length)); }
      let reported = 0;
      const outcome = await buildImage(ctx.engine(), {
        context: context.stream, dockerfile: dockerfileName, tags: [tag], target: plan.target,
        buildArgs: plan.buildArgs, labels: plan.labels, signal: controller.signal,
        onMessage: (m) => {
          const text = tracker.push(m);
          if (m.error || m.errorDetail) { out.error(text.trimEnd()); } else if (text) { out.write(text); }
          if (tracker.step && tracker.totalSteps && tracker.step !== reported) {
            const ins = parsed.instructions[tracker.step - 1];
            const increment = (100 / tracker.totalSteps) * (tracker.step - reported);
            reported = tracker.step;
            progress.report({ message: vscode.l10n.t('Step {0}/{1}: {2}', tracker.step, tracker.totalSteps, ins ? ins.keyword : 'LABEL'), increment });
          }
        },
      });
      result.imageId = outcome.imageId;
      result.error = outcome.error;
    });
  } catch (e) {
    if (e instanceof CancelledError) {
      out.error(vscode.l10n.t('Build cancelled'));
      result.cancelled = true;
      return result;
    }
    // With the view's advice when the engine could not be reached (failureText).
    result.error = failureText(e, e instanceof Error ? e.message : String(e));
    out.error(result.error);
  }

  if (result.error) {
    const where = buildErrorLocation(parsed, result.error, tracker.step);
    if (where) {
      const doc = await vscode.workspace.openTextDocument(uri);
      const endLine = Math.min(where.endLine, doc.lineCount - 1);
      const diagnostic = new vscode.Diagnostic(
        new vscode.Range(Math.min(where.startLine, endLine), 0, endLine, doc.lineAt(endLine).text.length),
        where.step ? vscode.l10n.t('docker build failed at step {0}: {1}', where.step, result.error) : vscode.l10n.t('docker build failed here: {0}', result.error),
        vscode.DiagnosticSeverity.Error);
      diagnostic.source = 'docker build';
      diagnostics.set(uri, [diagnostic]);
      result.line = where.startLine;
      result.step = where.step;
    }
    out.error(vscode.l10n.t('The build failed. {0}', where ? vscode.l10n.t('Line {0} of {1} is marked.', where.startLine + 1, vscode.workspace.asRelativePath(uri)) : ''));
    const show = vscode.l10n.t('Show build output');
    void vscode.window.showErrorMessage(vscode.l10n.t('Building {0} failed: {1}', tag, result.error), show).then((c) => { if (c === show) { out.terminal.show(); } });
    return result;
  }
  result.ok = true;
  if (result.imageId) { await ctx.links.remember(result.imageId, uri, plan.target); }
  out.success(vscode.l10n.t('Built {0} ({1})', tag, result.imageId?.slice(7, 19) ?? ''));
  ctx.tree.refreshSoon();
  void showCliEquivalent(vscode.l10n.t('Built {0}', tag), command);
  return result;
}
