// Parse once per document version: every request on the same version shares one AST.
import { DockerfileParser, Dockerfile } from 'dockerfile-ast';
import { TextDocument } from 'vscode-languageserver-textdocument';

export class ParsedDocument {
  private ast: Dockerfile | undefined;
  constructor(readonly document: TextDocument) {}

  get uri(): string { return this.document.uri; }
  get version(): number { return this.document.version; }
  get text(): string { return this.document.getText(); }

  /** The dockerfile-ast tree, parsed on first use and kept for this version. */
  get dockerfile(): Dockerfile {
    this.ast ??= DockerfileParser.parse(this.document.getText());
    return this.ast;
  }
}

/** Keeps one ParsedDocument per open document, replaced whenever the version changes. */
export class ParsedDocumentCache {
  private readonly byUri = new Map<string, ParsedDocument>();
  /** How many times a document was parsed: tests assert "once per version" with it. */
  parses = 0;

  get(document: TextDocument): ParsedDocument {
    const cached = this.byUri.get(document.uri);
    if (cached && cached.version === document.version && cached.document === document) { return cached; }
    const parsed = new CountingParsedDocument(document, () => this.parses++);
    this.byUri.set(document.uri, parsed);
    return parsed;
  }

  delete(uri: string): void { this.byUri.delete(uri); }
}

class CountingParsedDocument extends ParsedDocument {
  private counted = false;
  constructor(document: TextDocument, private readonly onParse: () => void) { super(document); }
  override get dockerfile(): Dockerfile {
    if (!this.counted) { this.counted = true; this.onParse(); }
    return super.dockerfile;
  }
}
