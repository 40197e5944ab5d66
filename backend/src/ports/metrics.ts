/** Counters use cases emit (CloudWatch metrics in AWS; names in `METRIC` of `@vfc/shared`). */
export interface AppMetrics {
  /** Adds `value` (default 1) to the count `name`. */
  count(name: string, value?: number): void;
}
