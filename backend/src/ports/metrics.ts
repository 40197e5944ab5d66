/** Counters use cases emit (CloudWatch metrics in AWS; names in `METRIC` of `@vfc/shared`). */
export interface AppMetrics {
  /** Adds `value` (default 1) to the count `name`. */
  count(name: string, value?: number): void;
  /** Records the current value of `name` (a level, not a count): `Seconds`, `Count` or `None` as its unit. */
  gauge(name: string, value: number, unit: 'Seconds' | 'Count' | 'None'): void;
}
