import { statSync } from 'node:fs';
import { join } from 'node:path';

/** Largest production content script allowed, bytes (minified `content-scripts/neo.js`; 160 kB, kB = 1000 B). */
export const CONTENT_SCRIPT_BUDGET_BYTES = 160_000;

/** The content script's path inside a build's output directory (e.g. `.output/chrome-mv3`). */
export const CONTENT_SCRIPT_FILE = 'content-scripts/neo.js';

/**
 * Fails a build whose content script (the code loaded on every Neo page) exceeds the budget.
 * @param outDir - the build's output directory.
 * @returns the content script's size in bytes.
 * @throws Error naming the size and the budget when it is larger.
 */
export function checkContentScriptBudget(outDir: string, budgetBytes: number = CONTENT_SCRIPT_BUDGET_BYTES): number {
  const bytes = statSync(join(outDir, CONTENT_SCRIPT_FILE)).size;
  if (bytes > budgetBytes) {
    throw new Error(
      `${CONTENT_SCRIPT_FILE} is ${bytes} bytes, over its budget of ${budgetBytes}: keep schemas, phone parsing and other heavy code in the background worker.`,
    );
  }
  return bytes;
}
