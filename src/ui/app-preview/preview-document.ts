/**
 * What the preview frame shows for a response: HTML as it is; JSON and plain text (a browser shows
 * kubia's untyped answer or hello's JSON as text) escaped in a <pre>, so `<` in them stays text.
 */

/** `node01:30080` or `node01:30080/version`. */
export const ADDRESS_PATTERN = /^[\w.-]+:\d+(\/\S*)?$/;

export function previewUrl(address: string): string {
  return address.includes('/') ? `http://${address}` : `http://${address}/`;
}

export function previewDocument(body: string, contentType: string | undefined): string {
  const html = contentType ? /^text\/html\b/i.test(contentType) : /^\s*</.test(body);
  if (html) return body;
  const escaped = body.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<pre style="white-space: pre-wrap; font-family: monospace; margin: 8px">${escaped}</pre>`;
}
