/**
 * An HTTP answer as an ApiResponse: JSON or text bodies, Status errors as the server sent them,
 * and bodies that are not a Status turned into one as client-go does (apimachinery
 * api/errors/errors.go NewGenericServerResponse). `Warning` headers become `warnings`.
 */
import type { ApiRequest, ApiResponse, Status, StatusReason } from '../../engine/api/client.ts';
import type { RestAnswer, RestCall } from './rest-transport.ts';

const GENERIC: Record<number, [string, string]> = {
  400: ['BadRequest', 'the server rejected our request for an unknown reason'],
  401: ['Unauthorized', 'the server has asked for the client to provide credentials'],
  404: ['NotFound', 'the server could not find the requested resource'],
  405: ['MethodNotAllowed', 'the server does not allow this method on the requested resource'],
  422: ['Invalid', 'the server rejected our request due to an error in our request'],
  429: ['TooManyRequests', 'the server has received too many requests and has asked us to try again later'],
  503: ['ServiceUnavailable', 'the server is currently unable to handle the request'],
  504: ['Timeout', 'the server was unable to return a response in the time allotted, but may still be processing the request'],
};

export function toApiResponse<T>(answer: RestAnswer, call: RestCall, req?: ApiRequest): ApiResponse<T> {
  const warnings = warningTexts(answer);
  const extra = warnings.length ? { warnings } : {};
  const body = decodeBody(answer);
  if (answer.status >= 200 && answer.status < 300) return { ok: true, code: answer.status, body: body as T, ...extra };
  const status = isStatus(body) ? body : genericStatus(answer, call, req);
  return { ok: false, code: answer.status, body: status, ...extra };
}

function decodeBody(answer: RestAnswer): unknown {
  if (!/json/.test(String(answer.headers['content-type'] ?? ''))) return answer.text;
  try {
    return JSON.parse(answer.text);
  } catch {
    return answer.text;
  }
}

function isStatus(body: unknown): body is Status {
  return !!body && typeof body === 'object' && (body as { kind?: unknown }).kind === 'Status';
}

function genericStatus(answer: RestAnswer, call: RestCall, req: ApiRequest | undefined): Status {
  const code = answer.status;
  const serverMessage = answer.text.trim();
  let [reason, message] = GENERIC[code] ?? ['', `the server responded with the status code ${code} but did not return more information`];
  if (code === 409) [reason, message] = [call.method === 'POST' ? 'AlreadyExists' : 'Conflict', 'the server reported a conflict'];
  else if (code === 403 || code === 415) [reason, message] = [code === 403 ? 'Forbidden' : 'UnsupportedMediaType', serverMessage];
  else if (code === 406)
    [reason, message] = [
      'NotAcceptable',
      serverMessage && serverMessage !== 'unknown' ? serverMessage : 'the server was unable to respond with a content type that the client supports',
    ];
  else if (code >= 500 && !GENERIC[code])
    [reason, message] = ['InternalError', `an error on the server (${JSON.stringify(serverMessage)}) has prevented the request from succeeding`];
  if (req) {
    const resource = req.group ? `${req.resource}.${req.group}` : req.resource;
    message += req.name ? ` (${call.method.toLowerCase()} ${resource} ${req.name})` : ` (${call.method.toLowerCase()} ${resource})`;
  }
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason: reason as StatusReason, code };
}

/** RFC 7234 warn-values (`299 - "text"`), the text unquoted, as client-go's warning handler reads them. */
export function warningTexts(answer: Pick<RestAnswer, 'rawHeaders'>): string[] {
  const values: string[] = [];
  const raw = answer.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) if (raw[i]!.toLowerCase() === 'warning') values.push(raw[i + 1]!);
  const texts: string[] = [];
  for (const value of values) {
    for (const m of value.matchAll(/(\d{3}) (\S+) "((?:[^"\\]|\\.)*)"(?: "[^"]*")?/g)) {
      if (m[1] === '299') texts.push(m[3]!.replace(/\\(.)/g, '$1'));
    }
  }
  return texts;
}
