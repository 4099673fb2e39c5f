import { describe, expect, it } from 'vitest';
import { ubuntu } from './base-images.ts';
import { lookupImage } from './image-catalogue.ts';
import { LocalImages } from './local-images.ts';

describe('lookupImage with images built on the machine', () => {
  const local = new LocalImages();
  const built = { ...ubuntu, repository: 'docker.io/library/my-sleeper', tags: ['latest'], entrypoint: ['sleep'], cmd: ['5'], pullable: false as const };
  local.add({ normalized: 'docker.io/library/my-sleeper:latest', spec: built, env: { PATH: '/bin' }, digest: 'a'.repeat(64) });
  const denied =
    'Failed to pull image "my-sleeper": failed to pull and unpack image "docker.io/library/my-sleeper:latest": failed to resolve reference "docker.io/library/my-sleeper:latest": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed';

  const cases = [
    { name: 'finds a built image by its short name, and a pull of it fails', image: 'my-sleeper', ok: true, entrypoint: ['sleep'], pullError: denied },
    { name: 'does not know it without the store', image: 'my-sleeper', store: false, ok: false },
    { name: 'still finds registry images', image: 'ubuntu', ok: true, entrypoint: [], pullError: undefined },
  ];
  it.each(cases)('$name', ({ image, store, ok, entrypoint, pullError }) => {
    const found = lookupImage(image, store === false ? undefined : local);
    expect(found.ok).toBe(ok);
    if (found.ok) expect({ entrypoint: found.image.entrypoint, pullError: found.pullError }).toEqual({ entrypoint, pullError });
  });
});
