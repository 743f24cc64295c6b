/** The scan of web/src that api-usage.int.test.ts relies on: what counts as a call, and what does not. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { operationOf, webApiCalls } from './web-api-calls.ts';

function scan(files: Record<string, string>) {
  const root = mkdtempSync(path.join(tmpdir(), 'rondom-scan-'));
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(root, 'web', 'src', name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  return webApiCalls(root);
}

describe('the web app\'s API calls, read from its source', () => {
  it('reads the method and path of api calls, request() and links; a query string and comments do not count', () => {
    const { calls, unresolved } = scan({
      'a.tsx': [
        '/** GET /api/v1/commented-out is only a comment. */',
        "const x = api.get<Child>(`/api/v1/children/${id}`, s);",
        "await api.post(`/api/v1/children/${id}/consents/${c.id}/withdraw`);",
        "api.get('/api/v1/admin/users?limit=500');",
        "api.get(`/api/v1/children${query({ q })}`);",
        "api.del(`/api/v1/support-teams/${t}/members/${m}`, v);",
        "request<Me>('POST', '/api/v1/session', { body });",
        "<Link href={`/api/v1/leerplicht/inspectie-report${query({ swvId })}`} download>csv</Link>;",
      ].join('\n'),
    });
    expect(unresolved).toEqual([]);
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      'GET /api/v1/children/{}',
      'POST /api/v1/children/{}/consents/{}/withdraw',
      'GET /api/v1/admin/users',
      'GET /api/v1/children',
      'DELETE /api/v1/support-teams/{}/members/{}',
      'POST /api/v1/session',
      'GET /api/v1/leerplicht/inspectie-report',
    ]);
    expect(calls[0]!.at).toBe('web/src/a.tsx:2');
  });

  it('a path bound to a name takes the method of the api calls that use that name, in its own file first', () => {
    const { calls } = scan({
      'form.tsx': 'export function ResolveForm({ url }) { return api.post(url, { note }); }',
      'list.tsx': '<ResolveForm url={`/api/v1/disagreements/${x.id}/resolve`} />; const path = "/api/v1/tasks"; api.get(path);',
    });
    expect(calls.map((c) => `${c.method} ${c.path}`).sort()).toEqual(['GET /api/v1/tasks', 'POST /api/v1/disagreements/{}/resolve']);
  });

  it('reads the fields of a body written as an object literal, also in conditional spreads; not of a body built elsewhere', () => {
    const { calls } = scan({
      'c.tsx': [
        "api.post(`/api/v1/join-requests/${r.id}/decision`, { outcome, ...(note.trim() ? { note: note.trim() } : {}) });",
        "api.patch(`/api/v1/leerplicht/absences/${c.id}`, body(), version);",
        "api.post(`/api/v1/x`, { a: 1, ...rest });",
        "api.post(`/api/v1/notifications/${id}/read`);",
      ].join('\n'),
    });
    expect(calls.map((c) => c.bodyFields)).toEqual([['outcome', 'note'], undefined, undefined, undefined]);
  });

  it('reports a path whose method it cannot tell, instead of skipping it', () => {
    const { calls, unresolved } = scan({ 'b.ts': 'fetch(`/api/v1/children/${id}/plan`, { method: "PUT" });' });
    expect(calls).toEqual([]);
    expect(unresolved).toEqual([{ path: '/api/v1/children/{}/plan', at: 'web/src/b.ts:1' }]);
  });

  it('matches a call to the operation with the most fixed segments, and to nothing on a wrong method or path', () => {
    const ops = ['GET /api/v1/partnerships/{id}', 'GET /api/v1/partnerships/tasks', 'PATCH /api/v1/partnerships/tasks/{actionId}'];
    const at = 'web/src/x.ts:1';
    expect(operationOf({ method: 'GET', path: '/api/v1/partnerships/tasks', at }, ops)).toBe('GET /api/v1/partnerships/tasks');
    expect(operationOf({ method: 'GET', path: '/api/v1/partnerships/{}', at }, ops)).toBe('GET /api/v1/partnerships/{id}');
    expect(operationOf({ method: 'PATCH', path: '/api/v1/partnerships/tasks/{}', at }, ops)).toBe('PATCH /api/v1/partnerships/tasks/{actionId}');
    expect(operationOf({ method: 'POST', path: '/api/v1/partnerships/tasks', at }, ops)).toBeUndefined();
    expect(operationOf({ method: 'GET', path: '/api/v1/partnerships/{}/map', at }, ops)).toBeUndefined();
  });
});
