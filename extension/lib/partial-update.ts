import type { ValidationIssue } from '@vfc/shared';

/**
 * Helpers for the admin forms whose PUT is partial (`/clinic/settings`, `/clinic/agent`): send only what changed, and
 * show the API's (or the shared schema's) `{path, message}` issues beside the field they name.
 */

/**
 * The fields of `draft` whose value differs from `saved` (deep, by JSON value), for a partial PUT.
 * Keys whose draft value is `undefined` are left out.
 */
export function changedFields<T extends object>(saved: T, draft: T): Partial<T> {
  const patch: Partial<T> = {};
  for (const key of Object.keys(draft) as (keyof T)[]) {
    const next = draft[key];
    if (next === undefined) continue;
    if (JSON.stringify(next) !== JSON.stringify(saved[key])) patch[key] = next;
  }
  return patch;
}

/** Issues keyed by their dotted path (`weeklyHours.mon.0.start`); several messages for one path are joined. */
export type IssuesByPath = Record<string, string>;

export function issuesByPath(issues: readonly ValidationIssue[]): IssuesByPath {
  const byPath: IssuesByPath = {};
  for (const { path, message } of issues) byPath[path] = byPath[path] ? `${byPath[path]}; ${message}` : message;
  return byPath;
}

/**
 * The message for a field: its own path, or (with `nested`) the first issue under it, e.g. `weeklyHours.mon` also
 * catches `weeklyHours.mon.1.end`.
 */
export function issueAt(issues: IssuesByPath, path: string, nested = false): string | undefined {
  if (issues[path]) return issues[path];
  if (!nested) return undefined;
  const key = Object.keys(issues).find((p) => p.startsWith(`${path}.`));
  return key ? issues[key] : undefined;
}
