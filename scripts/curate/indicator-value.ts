/** One row of `indicator_values`: a country-year value of one indicator. */
export interface IndicatorValue {
  iso3: string;
  year: number;
  indicator_id: string;
  value: number;
  source_id: string;
}

/** First and last year kept in `indicator_values` (inclusive). */
export const YEAR_RANGE = {first: 1960, last: 2025} as const;

/** True when `year` lies in {@link YEAR_RANGE}. */
export const inYearRange = (year: number): boolean => year >= YEAR_RANGE.first && year <= YEAR_RANGE.last;
