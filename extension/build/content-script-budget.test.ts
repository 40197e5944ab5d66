import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkContentScriptBudget, CONTENT_SCRIPT_BUDGET_BYTES } from './content-script-budget';

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function outDirWithContentScript(bytes: number): string {
  dir = mkdtempSync(join(tmpdir(), 'vfc-budget-'));
  mkdirSync(join(dir, 'content-scripts'));
  writeFileSync(join(dir, 'content-scripts/neo.js'), 'x'.repeat(bytes));
  return dir;
}

describe('checkContentScriptBudget', () => {
  it('passes at the budget and answers the size', () => {
    expect(checkContentScriptBudget(outDirWithContentScript(CONTENT_SCRIPT_BUDGET_BYTES))).toBe(160_000);
  });

  it('fails one byte over, naming size and budget', () => {
    expect(() => checkContentScriptBudget(outDirWithContentScript(CONTENT_SCRIPT_BUDGET_BYTES + 1))).toThrow(/160001 bytes, over its budget of 160000/);
  });
});
