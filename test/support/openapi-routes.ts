import type { TestApp } from './test-app';

export interface Route {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  params: string[];
  hasBody: boolean;
  bodySchema?: { properties?: Record<string, unknown>; required?: string[]; $ref?: string };
}

/** Every operation in the live OpenAPI document: security suites iterate over these, so new routes are covered. */
export async function routesOf(t: TestApp): Promise<{ routes: Route[]; schemas: Record<string, { properties?: Record<string, { type?: string; $ref?: string; items?: unknown }>; required?: string[] }> }> {
  const doc = (await t.http().get('/api/docs-json').expect(200)).body;
  const routes: Route[] = [];
  for (const [path, methods] of Object.entries(doc.paths as Record<string, Record<string, { requestBody?: { content: Record<string, { schema: Route['bodySchema'] }> } }>>)) {
    for (const [method, op] of Object.entries(methods)) {
      routes.push({
        method: method as Route['method'],
        path,
        params: [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]),
        hasBody: Boolean(op.requestBody),
        bodySchema: op.requestBody?.content['application/json']?.schema,
      });
    }
  }
  return { routes, schemas: doc.components.schemas };
}

export function fill(path: string, values: Record<string, string>): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (!(name in values)) throw new Error(`No fixture value for path parameter "${name}" in ${path}: add one to the security suite.`);
    return encodeURIComponent(values[name]);
  });
}
