/**
 * The OpenAPI documents (their data is over half a megabyte) as their own chunk, loaded on first
 * use so a browser's first prompt does not wait for them: only `/openapi` requests read them
 * (kubectl explain, apply's patch strategies); writes use field-manager's own type table.
 */
type OpenApiModule = typeof import('./index.ts');

let loading: Promise<OpenApiModule> | undefined;

export function loadOpenApi(): Promise<OpenApiModule> {
  loading ??= import('./index.ts').catch((error: unknown) => {
    // A chunk that failed to arrive is fetched again by the next request that needs it.
    loading = undefined;
    throw error;
  });
  return loading;
}
