// ESLint flat config: TypeScript rules for the client, server and tests.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '**/*.mjs', 'syntaxes/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['server/src/**/*.ts'],
    rules: {
      // The server runs under any LSP client: it must never depend on VS Code.
      'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'server/ never imports vscode' }] }],
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
);
