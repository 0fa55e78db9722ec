// Virtual modules produced at bundle time by scripts/lib/esbuildConfig.mjs from Markdown data files.
declare module 'docs:hover' {
  /** topic id → language → Markdown */
  const topics: Record<string, Record<string, string>>;
  export default topics;
}
declare module 'docs:rules' {
  /** rule id → language → Markdown */
  const pages: Record<string, Record<string, string>>;
  export default pages;
}
