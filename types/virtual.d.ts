// Modules the MAPT Vite plugin generates (src/vite/).
declare module "virtual:mapt/catalog" {
  /** Every catalog table with the URL its file is served at. */
  const catalog: {tables: Array<{name: string; file: string; format: string; url: string}>};
  export default catalog;
}
declare module "virtual:mapt/catalog-details" {
  /** What the catalog says about each table and its sources (loaded lazily: readers never need it). */
  const details: import("../src/data/index.ts").CatalogDetails;
  export default details;
}

interface ImportMetaEnv {
  /** True in a single-file export's build (`mapt export`): no editor, answers from frozen results. */
  readonly MAPT_EXPORT?: boolean;
}
