// The sample workspace's files are bundled as text (esbuild: `import … with { type: 'text' }`), because
// the .vsix ships only dist/ and the assets VS Code reads, not sample/.
declare module '*/Dockerfile' { const text: string; export default text; }
declare module '*/.dockerignore' { const text: string; export default text; }
declare module '*.c' { const text: string; export default text; }
declare module '*.md' { const text: string; export default text; }
declare module '*.html' { const text: string; export default text; }
declare module '*.py' { const text: string; export default text; }
declare module '*.txt' { const text: string; export default text; }
