import type { Endpoint } from "../contracts/endpoint";

/** A value of a path parameter or a query field, as a caller passes it. */
type UrlValue = string | number | boolean | readonly (string | number)[] | null | undefined;

/**
 * A query string from named values (no leading "?"): absent, null and empty values are left out, lists are
 * comma-separated (as `?ids=1,2`).
 */
export function queryString(values: object | undefined): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries((values ?? {}) as Record<string, UrlValue>)) {
    if (value === undefined || value === null || value === "") continue;
    search.set(name, Array.isArray(value) ? value.join(",") : String(value));
  }
  return search.toString();
}

/** The path of an endpoint with its [segments] filled in; throws for a missing one. */
export function endpointPath(path: string, params: object | undefined): string {
  const values = (params ?? {}) as Record<string, UrlValue>;
  return path.replace(/\[(\w+)\]/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined || value === null || value === "") throw new Error(`${path} needs its "${name}"`);
    return encodeURIComponent(String(value));
  });
}

/** The URL (path and query) of a call to an endpoint. */
export function endpointUrl(endpoint: Endpoint, params?: object, query?: object): string {
  const search = queryString(query);
  return `${endpointPath(endpoint.path, params)}${search ? `?${search}` : ""}`;
}
