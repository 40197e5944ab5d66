/**
 * The one zod build every schema of the project is written with: `zod/mini`, zod 4's functional API
 * (https://zod.dev/packages/mini). Its schemas are the same zod 4 core types as the classic API's, so parsing,
 * `z.infer`, JSON Schema and zod-openapi behave alike, but a Lambda bundle carries ~15 kB of it instead of ~90 kB and
 * builds each schema with far less work at cold start (measured by `pnpm bench`, see `bench/README.md`).
 *
 * `zod/mini` loads no locale, so an issue's message would read "Invalid input"; this module installs zod's English
 * messages once, before any schema parses. It is listed in the package's `sideEffects`, so bundlers keep that call.
 * Schema modules import `* as z from` this module, never from `zod` itself.
 */
import { config, globalRegistry, type ZodMiniType } from 'zod/mini';
import type { GlobalMeta } from 'zod/v4/core';
import en from 'zod/v4/locales/en.js';

config(en());

export * from 'zod/mini';

/**
 * What a failed `parse` throws. `zod/mini` throws zod core's error class (`$ZodError`); `instanceof ZodError` is true
 * for it. Its `issues` carry `path` and `message`, as with the classic API.
 */
export { $ZodError as ZodError } from 'zod/v4/core';

/**
 * A copy of `schema` carrying `metadata` (an OpenAPI `description`, `example`, component `id`…) in zod's global
 * registry, where zod-openapi and `toJSONSchema` read it: the classic API's `.meta()`. The original schema is
 * unchanged, so the handlers' schemas never carry documentation-only metadata.
 */
export function withMeta<T extends ZodMiniType>(schema: T, metadata: GlobalMeta): T {
  const copy = schema.clone();
  globalRegistry.add(copy, metadata);
  return copy;
}
