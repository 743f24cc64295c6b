/** Built by vite.config.ts from nl.json and boot-keys.ts. */
declare module 'virtual:rondom-boot-texts' {
  const texts: Record<string, unknown>;
  export default texts;
}
