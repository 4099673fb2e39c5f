import type { ApiClient, ApiRequest, ApiResponse, RawRequest } from '../engine/api/client.ts';

/**
 * The API client one kubectl run talks through: every warning the server sends with a response
 * goes to stderr as `Warning: TEXT`, each distinct text once per run.
 * Models kubectl's pkg/cmd/cmd.go, which installs client-go's rest.NewWarningWriter with
 * Deduplicate: true as the default warning handler.
 */
export function withWarningWriter(api: ApiClient, writeErr: (text: string) => void): ApiClient {
  const written = new Set<string>();
  return {
    async request<T>(req: ApiRequest): Promise<ApiResponse<T>> {
      const res = await api.request<T>(req);
      for (const warning of res.warnings ?? []) {
        if (!warning || written.has(warning)) continue;
        written.add(warning);
        writeErr(`Warning: ${warning}\n`);
      }
      return res;
    },
    watch: (req, onEvent) => api.watch(req, onEvent),
    discover: () => api.discover(),
    ...(api.openApiV3 ? { openApiV3: (path: string) => api.openApiV3!(path) } : {}),
    serverVersion: () => api.serverVersion(),
    ...(api.raw ? { raw: (req: RawRequest) => api.raw!(req) } : {}),
  };
}
