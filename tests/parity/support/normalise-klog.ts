/**
 * A klog line's header carries the wall clock to the microsecond and the writing thread's id
 * (`W1206 22:34:36.716927   13077 schema.go:145] …`): neither can match between two processes,
 * so both become `<klog>`, and the severity, source line and message are still compared.
 */
const KLOG_HEADER = /^([IWEF])\d{4} \d{2}:\d{2}:\d{2}\.\d{6} +\d+ (?=[\w.-]+:\d+\] )/gm;

export function normaliseKlogHeaders(text: string): string {
  return text.replace(KLOG_HEADER, '$1<klog> ');
}
