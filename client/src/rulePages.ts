// Rule pages: every diagnostic's code links to `docker-learning-rule:/<language>/<rule>.md`. VS Code opens
// such a link as a document of our scheme; its text comes from the language server
// (`dockerLearning/rulePage`), and we show it as rendered Markdown instead of source.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

export const RULE_PAGE_SCHEME = 'docker-learning-rule';
const RULE_PAGE_REQUEST = 'dockerLearning/rulePage';

interface RulePage { id: string; language: string; markdown: string }

export function registerRulePages(client: LanguageClient): vscode.Disposable {
  const provider: vscode.TextDocumentContentProvider = {
    async provideTextDocumentContent(uri) {
      try {
        // start() returns the pending start while the client is still starting.
        if (!client.isRunning()) { await client.start(); }
        const page = await client.sendRequest<RulePage | null>(RULE_PAGE_REQUEST, { uri: uri.toString(true) });
        return page?.markdown ?? vscode.l10n.t('There is no page for {0}.', uri.path);
      } catch (e) {
        return vscode.l10n.t('The rule page could not be loaded: {0}', (e as Error).message ?? String(e));
      }
    },
  };

  // A rule page opened as text (from the Problems panel or a hover) is replaced by its Markdown preview.
  const showRendered = async (editor: vscode.TextEditor | undefined): Promise<void> => {
    const uri = editor?.document.uri;
    if (!uri || uri.scheme !== RULE_PAGE_SCHEME) { return; }
    try {
      await vscode.commands.executeCommand('markdown.showPreview', uri);
      const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs)
        .filter((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === uri.toString());
      await vscode.window.tabGroups.close(tabs);
    } catch {
      // Without the built-in Markdown extension the page stays open as text, which is still readable.
    }
  };

  return vscode.Disposable.from(
    vscode.workspace.registerTextDocumentContentProvider(RULE_PAGE_SCHEME, provider),
    vscode.window.onDidChangeActiveTextEditor((e) => { void showRendered(e); }),
    vscode.commands.registerCommand('dockerLearning.showRules', async () => {
      // The same choice the server makes: the setting, else VS Code's display language.
      const setting = vscode.workspace.getConfiguration('dockerLearning').get<string>('language', 'auto');
      const language = setting === 'en' || setting === 'zh-cn' ? setting : /^zh(-cn|-hans|-sg)?($|-)/i.test(vscode.env.language) ? 'zh-cn' : 'en';
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(`${RULE_PAGE_SCHEME}:/${language}/index.md`));
      await vscode.window.showTextDocument(doc, { preview: true });
    }),
  );
}
