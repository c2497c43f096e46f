import { routeKey, type Route } from '../functions/routes.ts';

export interface RouteMatch {
  route: Route;
  routeKey: string;
  pathParameters: Record<string, string>;
}

interface CompiledRoute {
  route: Route;
  pattern: RegExp;
  names: string[];
}

/**
 * An empty segment (`//parcels`) or a dot segment (`/parcels/.`, `/orders/../parcels`) anywhere but
 * a trailing slash: API Gateway does not normalise these, so no route template matches such a path.
 */
export function hasOddSegment(path: string): boolean {
  const segments = path.slice(1).split('/');
  return segments.some((segment, i) => segment === '.' || segment === '..' || (segment === '' && i < segments.length - 1));
}

/** Matches method + path against the route table's templates the way API Gateway does (`{name}` = one segment). */
export function routeMatcher(routes: readonly Route[]) {
  const compiled: CompiledRoute[] = routes.map((route) => {
    const names: string[] = [];
    const source = route.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, (_, name: string) => {
      names.push(name);
      return '([^/]+)';
    });
    return { route, pattern: new RegExp(`^${source}/?$`), names };
  });
  return (method: string, path: string): RouteMatch | undefined => {
    if (hasOddSegment(path)) return undefined;
    for (const { route, pattern, names } of compiled) {
      if (route.method !== method) continue;
      const found = pattern.exec(path);
      if (!found) continue;
      let pathParameters: Record<string, string>;
      try {
        pathParameters = Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(found[i + 1] as string)]));
      } catch {
        return undefined;
      }
      return { route, routeKey: routeKey(route), pathParameters };
    }
    return undefined;
  };
}
