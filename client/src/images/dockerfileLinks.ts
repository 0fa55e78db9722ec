// Which Dockerfile an image was built from, so its layers can link to the lines that made them:
// builds started here are remembered (image id → file, target) in the workspace state; other
// images are matched against the workspace's Dockerfiles, and linked only when every step agrees.
import * as vscode from 'vscode';
import { parseDockerfile, type Instruction, type ParsedDockerfile } from './model/dockerfile';
import { matchLayersToDockerfile, type LayerRow } from './model/layers';

const KEY = 'dockerLearning.images.builds';
const MAX_RECORDS = 200;

export interface BuildRecord { dockerfile: string; target?: string; at: number }

export interface LayerLinks {
  uri: vscode.Uri;
  links: Map<number, Instruction>;
  parsed: ParsedDockerfile;
}

export class DockerfileLinks {
  constructor(private readonly state: vscode.Memento) {}

  async remember(imageId: string, dockerfile: vscode.Uri, target?: string): Promise<void> {
    const records = { ...this.state.get<Record<string, BuildRecord>>(KEY, {}) };
    records[imageId] = { dockerfile: dockerfile.toString(), target, at: Date.now() };
    const sorted = Object.entries(records).sort((a, b) => b[1].at - a[1].at).slice(0, MAX_RECORDS);
    await this.state.update(KEY, Object.fromEntries(sorted));
  }

  record(imageId: string): BuildRecord | undefined {
    return this.state.get<Record<string, BuildRecord>>(KEY, {})[imageId];
  }

  private async read(uri: vscode.Uri): Promise<ParsedDockerfile | undefined> {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open) { return parseDockerfile(open.getText()); }
    try { return parseDockerfile(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri))); } catch { return undefined; }
  }

  /** Links for an image's layer rows, or undefined when no workspace Dockerfile explains them. */
  async find(imageId: string, rows: LayerRow[]): Promise<LayerLinks | undefined> {
    const record = this.record(imageId);
    if (record) {
      const uri = vscode.Uri.parse(record.dockerfile);
      const parsed = await this.read(uri);
      if (parsed) {
        const links = matchLayersToDockerfile(rows, parsed, record.target);
        if (links.size) { return { uri, links, parsed }; }
      }
    }
    // Built elsewhere (a terminal, an earlier session): only a match with a RUN line is trusted.
    if (!rows.some((r) => r.keyword === 'RUN')) { return undefined; }
    const files = await vscode.workspace.findFiles('**/{Dockerfile,Dockerfile.*,*.dockerfile,*.Dockerfile,Containerfile}', '**/node_modules/**', 30);
    for (const uri of files) {
      const parsed = await this.read(uri);
      if (!parsed) { continue; }
      for (const stage of parsed.stages) {
        const links = matchLayersToDockerfile(rows, parsed, stage.name ?? String(stage.index));
        if ([...links.values()].some((i) => i.keyword === 'RUN')) { return { uri, links, parsed }; }
      }
    }
    return undefined;
  }
}
