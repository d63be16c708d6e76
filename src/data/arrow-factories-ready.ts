import * as factories from "apache-arrow/factories";
import {provideArrowFactories} from "./arrow-table-factories.ts";

/**
 * Arrow's builders, provided to its tables as this module loads (see arrow-table-factories.ts).
 * The build points all of Arrow's (`Arrow.mjs`) import of `factories.mjs` here.
 */
provideArrowFactories(factories);

export * from "apache-arrow/factories";
