import { SemanticTokenModifiers, SemanticTokenTypes, SemanticTokensLegend } from 'vscode-languageserver-types';

/** dockerfile-language-service numbers its token types in this order (see its TokensLegend). */
export const SEMANTIC_TOKENS_LEGEND: SemanticTokensLegend = {
  tokenTypes: [
    SemanticTokenTypes.keyword, SemanticTokenTypes.comment, SemanticTokenTypes.parameter, SemanticTokenTypes.property,
    SemanticTokenTypes.namespace, SemanticTokenTypes.class, SemanticTokenTypes.macro, SemanticTokenTypes.string,
    SemanticTokenTypes.variable, SemanticTokenTypes.operator, SemanticTokenTypes.modifier,
  ],
  tokenModifiers: [SemanticTokenModifiers.declaration, SemanticTokenModifiers.definition, SemanticTokenModifiers.deprecated],
};
