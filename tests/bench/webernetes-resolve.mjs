// webernetes' published ESM imports its own files without extensions ("./runtime", as a bundler
// resolves them), which Node's resolver refuses. Inside that package only, try `.js`, then
// `/index.js`, as a bundler would; everything else resolves as usual.
import { existsSync } from 'node:fs';
import { register } from 'node:module';

if (!import.meta.url.endsWith('?hooks')) register(`${import.meta.url}?hooks`, import.meta.url);

export async function resolve(specifier, context, nextResolve) {
  const parent = context.parentURL ?? '';
  if (parent.includes('/@ngrok/webernetes/dist/') && specifier.startsWith('.') && !specifier.endsWith('.js')) {
    for (const candidate of [`${specifier}.js`, `${specifier}/index.js`]) {
      const url = new URL(candidate, parent);
      if (existsSync(url)) return nextResolve(url.href, context);
    }
  }
  return nextResolve(specifier, context);
}
