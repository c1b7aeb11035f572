// Definition files are imported as data and parsed at the boundary (registry.ts), so their type is
// `unknown` here rather than a literal type TypeScript would infer from the whole file.
declare module '*.json' {
  const data: unknown;
  export default data;
}
