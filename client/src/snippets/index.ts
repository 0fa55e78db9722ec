// Snippet commands. The snippets themselves are contributed by package.json (see snippetFiles.ts).
import * as vscode from 'vscode';
import { createDockerignore } from './createDockerignore';

export const CREATE_DOCKERIGNORE = 'dockerLearning.createDockerignore';

export function registerSnippetCommands(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(CREATE_DOCKERIGNORE, (target?: vscode.Uri) => createDockerignore(context, target)),
  );
}
