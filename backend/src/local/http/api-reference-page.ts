import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** Where the local stack serves the API reference page (a local convenience; the deployed API has `/openapi.json` only). */
export const API_REFERENCE_PATH = '/docs';
const SCRIPT_PATH = `${API_REFERENCE_PATH}/scalar.js`;

/**
 * The reference page: Scalar's standalone browser bundle (@scalar/api-reference, https://github.com/scalar/scalar)
 * pointed at `/openapi.json`, served from the installed package so it works without internet access.
 */
const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Vet follow-up calls API reference</title>
  </head>
  <body>
    <script id="api-reference" data-url="/openapi.json" data-configuration='{"withDefaultFonts":false}'></script>
    <script src="${SCRIPT_PATH}"></script>
  </body>
</html>`;

let script: Promise<string> | undefined;

/**
 * Answers the reference page's two paths; `undefined` for any other path (the caller goes on to the API routes).
 * @returns the status, content type and body to send
 */
export async function apiReferenceAsset(pathname: string): Promise<{ status: number; contentType: string; body: string } | undefined> {
  if (pathname === API_REFERENCE_PATH) return { status: 200, contentType: 'text/html; charset=utf-8', body: PAGE };
  if (pathname === SCRIPT_PATH) {
    // The package exports no subpath for its browser bundle: it sits beside the resolved entry (`dist/index.js`).
    const entry = createRequire(import.meta.url).resolve('@scalar/api-reference');
    script ??= readFile(join(dirname(entry), 'browser', 'standalone.js'), 'utf8');
    return { status: 200, contentType: 'text/javascript; charset=utf-8', body: await script };
  }
  return undefined;
}
