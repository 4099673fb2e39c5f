/**
 * A list read in pages of `limit`, following `metadata.continue` as cli-runtime's FollowContinue
 * does for `--chunk-size` (0: one request for everything). A server that does not page answers the
 * whole list at once, which ends the loop as well.
 */
import type { ApiClient, ApiRequest, ApiResponse, KubeObject, Table } from '../engine/api/client.ts';

type ListBody = { items?: KubeObject[]; rows?: Table['rows']; metadata?: { continue?: string } };

export async function listAllPages<T extends ListBody>(api: ApiClient, req: ApiRequest, limit: number): Promise<ApiResponse<T>> {
  let first: (ApiResponse<T> & { ok: true }) | undefined;
  let token: string | undefined;
  do {
    const query = { ...req.query, ...(limit > 0 ? { limit } : {}), ...(token ? { continue: token } : {}) };
    const res = await api.request<T>({ ...req, query });
    if (!res.ok) return res;
    if (!first) first = res;
    else {
      // Later pages add their items (or Table rows) to the first answer.
      if (res.body.items) first.body.items = [...(first.body.items ?? []), ...res.body.items];
      if (res.body.rows) first.body.rows = [...(first.body.rows ?? []), ...res.body.rows];
    }
    token = res.body.metadata?.continue || undefined;
  } while (token);
  return first;
}
