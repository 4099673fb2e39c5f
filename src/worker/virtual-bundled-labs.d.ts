declare module 'virtual:bundled-labs' {
  const labs: Readonly<Record<string, import('../labs/schema.ts').LoadedLab>>;
  export default labs;
}
