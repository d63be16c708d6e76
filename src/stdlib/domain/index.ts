export {caseColors} from "./case-colors.ts";
export {eventKindStyles} from "./event-kinds.ts";
export {EventDateError, normalizeEvents, type DatePrecision, type EventSpec, type TimelineEvent} from "./events.ts";
export {responseLags, type ResponseLag, type ResponseLagOptions, type ResponseLags} from "./lags.ts";
export {nonResponseKinds, omissionWindows, type OmissionOptions, type OmissionWindow, type YearValue} from "./omissions.ts";
import * as Plot from "@observablehq/plot";
import {trajectoryChartWith} from "./trajectory-chart.ts";
export {trajectoryChartWith, trajectoryPlotMembers, type TrajectoryChartOptions, type TrajectoryPlot} from "./trajectory-chart.ts";

/**
 * {@link trajectoryChartWith} on all of Plot, for Node and other bundles. Pages do not import this
 * module: their `trajectoryChart` builtin draws with the page's trimmed Plot (see builtins.ts).
 */
export const trajectoryChart = trajectoryChartWith(Plot);
