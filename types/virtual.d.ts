// Modules the MAPT Vite plugin generates (src/vite/).
declare module "virtual:mapt/catalog" {
  /** Every catalog table with the URL its file is served at. */
  const catalog: {tables: Array<{name: string; file: string; format: string; url: string}>};
  export default catalog;
}
