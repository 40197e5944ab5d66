/** Vite's `?raw` imports: the file's text (used for docs/privacy.md, rendered inside the extension). */
declare module '*.md?raw' {
  const text: string;
  export default text;
}
