/** The page's place, from its hash: the home catalogue (`#/`), free play (`#/free-play`) or a lab (`#/labs/<id>`). */
export type Route = { kind: 'home' } | { kind: 'free-play' } | { kind: 'lab'; id: string };

export function routeOf(hash: string): Route {
  const lab = /^#\/labs\/([a-z0-9-]+)\/?$/.exec(hash)?.[1];
  if (lab) return { kind: 'lab', id: lab };
  if (/^#\/free-play\/?$/.test(hash)) return { kind: 'free-play' };
  return { kind: 'home' };
}

export function hashOf(route: Route): string {
  return route.kind === 'lab' ? `#/labs/${route.id}` : route.kind === 'free-play' ? '#/free-play' : '#/';
}

const LAST_KEY = 'cka-lab.last-visit';

/** Where the learner last worked (a lab or free play), for the home page's Continue. */
export function lastVisit(): Route | undefined {
  try {
    const stored = localStorage.getItem(LAST_KEY);
    const route = stored === null ? undefined : routeOf(stored);
    return route?.kind === 'home' ? undefined : route;
  } catch {
    return undefined;
  }
}

export function rememberVisit(route: Route): void {
  if (route.kind === 'home') return;
  try {
    localStorage.setItem(LAST_KEY, hashOf(route));
  } catch {
    // Storage refused: the home page offers no Continue.
  }
}
