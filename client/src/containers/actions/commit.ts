// `docker container commit <name> repository:tag`: the container's current filesystem becomes a new
// image. The reference is checked like the engine does before anything is sent.
import * as vscode from 'vscode';
import { containerCli } from '../../cli/containerCommands';
import type { ContainersView } from '../containersView';
import { parseRepoTag } from '../model/validate';
import { ActionResult, forEach, NOTHING, report, targetsAndOptions } from './common';

export function repoTagProblemText(input: string): string | undefined {
  const parsed = parseRepoTag(input);
  if (!('problem' in parsed)) { return undefined; }
  switch (parsed.problem) {
    case 'empty': return vscode.l10n.t('Type repository:tag, e.g. myname/web:v1');
    case 'uppercase': return vscode.l10n.t('Repository names are lowercase.');
    case 'digest': return vscode.l10n.t('A commit gets a tag, not a digest (@sha256:…).');
    case 'invalid': return vscode.l10n.t('Use repository:tag with lowercase letters, digits and . _ - / in the repository, e.g. myname/web:v1');
  }
}

export async function commitContainer(view: ContainersView, args: unknown[]): Promise<ActionResult & { imageId?: string }> {
  const refArg = typeof args[1] === 'string' ? args[1] : undefined;
  const picked = await targetsAndOptions<{ reference: string }>(view, refArg ? [args[0]] : args, { many: false, placeholder: vscode.l10n.t('Commit which container?') });
  if (!picked) { return NOTHING; }
  const c = picked.containers[0];
  let reference = refArg ?? picked.options.reference;
  if (reference === undefined) {
    reference = await vscode.window.showInputBox({
      title: vscode.l10n.t('Commit {0} to an image', c.name),
      prompt: vscode.l10n.t('repository:tag for the new image (the tag defaults to latest)'),
      value: `${c.name.toLowerCase().replace(/[^a-z0-9._-]/g, '-')}-snapshot:v1`,
      validateInput: (v) => repoTagProblemText(v),
    });
    if (reference === undefined) { return NOTHING; }
  }
  const parsed = parseRepoTag(reference);
  if ('problem' in parsed) {
    const text = repoTagProblemText(reference)!;
    void vscode.window.showErrorMessage(text);
    return { done: [], failed: [{ name: c.name, error: text }] };
  }
  const repoTag = `${parsed.repo}:${parsed.tag}`;
  let imageId = '';
  const result = await forEach(view, [c], async (x) => { imageId = await view.engine().containers.commit(x.id, parsed); });
  const reported = report(result, () => vscode.l10n.t('Committed {0} to the image {1} ({2})', c.name, repoTag, imageId.replace(/^sha256:/, '').slice(0, 12)),
    () => containerCli.commit(c.name, repoTag), (n, e) => vscode.l10n.t('Could not commit {0}: {1}', n, e));
  return { ...reported, imageId };
}
