/** The time source of use cases (injectable so tests never depend on the wall clock). */
export interface Clock {
  /** Now, as a Date (UTC instant). */
  now(): Date;
}
