// Practice files for the Dockerfile steps, in the extension's storage so the learner's folders stay
// untouched. The mistake is the one the course notes really contain: `ENTRYPOINT[“/src/hello”]`
// (no space before `[`, typographic quotes), which Docker does not read as exec form.
import * as vscode from 'vscode';
import { snippetBody } from '../snippets/snippetFiles';
import { SAMPLE_FILES } from './sampleFiles';

function practiceText(): string {
  return [
    `# ${vscode.l10n.t('Practice: the course\'s multi-stage example, with the mistake it has in the course notes.')}`,
    `# ${vscode.l10n.t('Hover over an instruction to read what it does. ENTRYPOINT is underlined: hover over it, then fix it (Ctrl+. offers a fix).')}`,
    'FROM gcc:9.4 AS builder',
    'COPY hello.c /src/hello.c',
    'WORKDIR /src',
    'RUN gcc --static -o hello hello.c',
    '',
    'FROM alpine:3.13.5',
    'COPY --from=builder /src/hello /src/hello',
    'ENTRYPOINT[“/src/hello”]',
    'CMD []',
    '',
  ].join('\n');
}

/** Writes `folder/Dockerfile` (and hello.c, so the practice file also builds) and returns the Dockerfile. */
async function freshFolder(context: vscode.ExtensionContext, name: string, dockerfile: string): Promise<vscode.Uri> {
  const folder = vscode.Uri.joinPath(context.globalStorageUri, name);
  await vscode.workspace.fs.createDirectory(folder);
  await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, 'hello.c'), new TextEncoder().encode(SAMPLE_FILES['hello.c']));
  const file = vscode.Uri.joinPath(folder, 'Dockerfile');
  await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(dockerfile));
  return file;
}

/** Opens a fresh practice Dockerfile with the course's mistake in it; returns its URI. */
export async function openPractice(context: vscode.ExtensionContext, watch: (uri: vscode.Uri) => void): Promise<vscode.Uri> {
  const file = await freshFolder(context, 'practice', practiceText());
  // A practice file already open shows its old text: revert it to the fresh one on disk.
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === file.toString());
  const editor = await vscode.window.showTextDocument(file, { preview: false });
  if (open) { await vscode.commands.executeCommand('workbench.action.files.revert'); }
  watch(file);
  const line = editor.document.getText().split('\n').findIndex((l) => l.startsWith('ENTRYPOINT'));
  if (line >= 0) {
    editor.selection = new vscode.Selection(line, 0, line, 0);
    editor.revealRange(new vscode.Range(line, 0, line, 0), vscode.TextEditorRevealType.InCenter);
  }
  return file;
}

/** Opens an empty Dockerfile (next to hello.c) and inserts the C multi-stage snippet for the learner to tab through. */
export async function newMultiStage(context: vscode.ExtensionContext): Promise<vscode.Uri> {
  const file = await freshFolder(context, 'multi-stage', '');
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === file.toString());
  const editor = await vscode.window.showTextDocument(file, { preview: false });
  if (open) { await vscode.commands.executeCommand('workbench.action.files.revert'); }
  await editor.insertSnippet(new vscode.SnippetString(await snippetBody(context, 'dockerfile', 'multistage-c')), new vscode.Position(0, 0));
  return file;
}
