// Our snippets are plain VS Code snippet files, one per display language, chosen by the manifest:
// contributes.snippets[].path is "%snippets.dockerfile.path%", and VS Code replaces every "%key%" string
// of package.json with the package.nls.<language>.json entry before any contribution point reads it
// (checked in VS Code 1.100 / code-server 4.100.3: with the display language zh-cn the snippet
// contribution reads snippets/dockerfile.zh-cn.code-snippets). A snippet's name and description thus
// follow the display language like every other manifest text, and the snippets stay real snippets:
// in the completion list, in "Insert Snippet", and — the multi-stage ones — in "Fill File with Snippet".
// A completion provider could follow dockerLearning.language instead, but would be missing from those
// places. The commands below read the same localised file, through the manifest VS Code gives us.
import * as vscode from 'vscode';

interface SnippetJson { prefix: string | string[]; body: string | string[]; description?: string }

/** The body of our snippet with this prefix, from the file VS Code uses for the display language. */
export async function snippetBody(context: vscode.ExtensionContext, language: 'dockerfile' | 'ignore', prefix: string): Promise<string> {
  const contributions = (context.extension.packageJSON as { contributes?: { snippets?: { language: string; path: string }[] } }).contributes?.snippets ?? [];
  const entry = contributions.find((s) => s.language === language);
  if (!entry) { throw new Error(`package.json contributes no ${language} snippets`); }
  const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, entry.path));
  const json = JSON.parse(new TextDecoder().decode(bytes)) as Record<string, SnippetJson>;
  const found = Object.values(json).find((s) => (Array.isArray(s.prefix) ? s.prefix : [s.prefix]).includes(prefix));
  if (!found) { throw new Error(`no ${language} snippet with prefix ${prefix} in ${entry.path}`); }
  return Array.isArray(found.body) ? found.body.join('\n') : found.body;
}
