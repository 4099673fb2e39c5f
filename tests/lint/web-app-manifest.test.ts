/**
 * What a browser checks before it offers to install the app: index.html links a manifest, and every
 * icon the manifest lists exists with the size it declares (a PNG's size is in its IHDR chunk).
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';

const root = new URL('../../', import.meta.url);
const publicFile = (path: string) => new URL(`public/${path}`, root);

interface Manifest {
  name: string;
  short_name: string;
  start_url: string;
  display: string;
  icons: { src: string; sizes: string; type: string }[];
}

function pngSize(path: URL): string {
  const bytes = readFileSync(path);
  return `${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`;
}

describe('the web app manifest', () => {
  const manifest = JSON.parse(readFileSync(publicFile('manifest.webmanifest'), 'utf8')) as Manifest;

  it('is linked from index.html with the icon', () => {
    const html = readFileSync(new URL('index.html', root), 'utf8');
    expect(html).toMatch(/<link rel="manifest" href="\/manifest\.webmanifest" \/>/);
    expect(html).toMatch(/<link rel="icon" href="\/icons\/icon\.svg" type="image\/svg\+xml" \/>/);
  });

  it('names a standalone app with 192 and 512 pixel icons', () => {
    expect([manifest.short_name, manifest.display, manifest.icons.map((icon) => icon.sizes)]).toEqual(['cka-lab', 'standalone', ['192x192', '512x512', 'any']]);
  });

  it.each(manifest.icons.filter((icon) => icon.type === 'image/png'))('has $src at $sizes', ({ src, sizes }) => {
    expect(pngSize(publicFile(src))).toBe(sizes);
  });

  it('has every icon it lists', () => {
    expect(manifest.icons.filter((icon) => !existsSync(publicFile(icon.src)))).toEqual([]);
  });
});
