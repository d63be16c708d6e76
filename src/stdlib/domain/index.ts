export {caseColors} from "./case-colors.ts";
export {eventKindStyles} from "./event-kinds.ts";
export {EventDateError, normalizeEvents, type DatePrecision, type EventSpec, type TimelineEvent} from "./events.ts";
export {responseLags, type ResponseLag, type ResponseLagOptions, type ResponseLags} from "./lags.ts";
export {nonResponseKinds, omissionWindows, type OmissionOptions, type OmissionWindow, type YearValue} from "./omissions.ts";
export {trajectoryChart, type TrajectoryChartOptions} from "./trajectory-chart.ts";
