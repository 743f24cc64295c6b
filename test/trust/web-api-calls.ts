/**
 * Which API operations the web app calls, read from its source (web/src) with the TypeScript
 * parser, so comments and look-alike text do not count. A call is a path literal starting with
 * /api/ (a string or a template: `${…}` in the path is one dynamic segment, a query string is
 * ignored) whose method is known from where it stands:
 *  - an argument of api.get / api.post / api.put / api.patch / api.del, or of request('METHOD', …);
 *  - the href of a link (a download): GET;
 *  - bound to a name (a variable, a property or a JSX attribute, e.g. <ResolveForm url={`/api/…`}>):
 *    the methods of the api calls that take that name as their path (`api.post(url, …)`), in the
 *    same file first, else anywhere in web/src.
 * A literal whose method cannot be found is reported as unresolved, so nothing is silently missed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

export interface WebCall {
  method: string;
  /** The path with every dynamic part as `{}`, without the query string. */
  path: string;
  /** file:line in the repository. */
  at: string;
  /** The fields of the body when it is written as an object literal (in conditional spreads too); else undefined. */
  bodyFields?: string[];
}

export interface WebCalls {
  calls: WebCall[];
  /** Path literals whose method could not be found (file:line and the path). */
  unresolved: { path: string; at: string }[];
}

const API_METHODS: Record<string, string> = { get: 'GET', post: 'POST', put: 'PUT', patch: 'PATCH', del: 'DELETE' };

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.(ts|tsx)$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}

/** The path a literal spells, `{}` for each dynamic part; undefined when it is not an /api/ path. */
function pathOf(node: ts.Node): string | undefined {
  let text: string;
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
    text = node.text;
  } else if (ts.isTemplateExpression(node)) {
    text = node.head.text;
    for (const span of node.templateSpans) {
      const e = span.expression;
      // `${query({...})}` is the query string: the path ends here.
      if (ts.isCallExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === 'query') break;
      text += `{}${span.literal.text}`;
    }
  } else {
    return undefined;
  }
  if (!text.startsWith('/api/')) return undefined;
  return text.split(/[?#]/)[0]!;
}

/** The method of an api call whose path argument is `arg`, or undefined when `call` is no api call. */
function methodOfCall(call: ts.CallExpression, arg: ts.Node): string | undefined {
  const callee = call.expression;
  if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === 'api') {
    return call.arguments[0] === arg ? API_METHODS[callee.name.text] : undefined;
  }
  if (ts.isIdentifier(callee) && callee.text === 'request') {
    const m = call.arguments[0];
    return m && ts.isStringLiteralLike(m) && call.arguments[1] === arg ? m.text.toUpperCase() : undefined;
  }
  return undefined;
}

/**
 * The field names of an object literal body, including those of `...(c ? { a } : {})`; undefined when
 * the body is not a literal or spreads something that is not one (its fields cannot be known here).
 */
function fieldsOf(node: ts.Node | undefined): string[] | undefined {
  if (!node) return undefined;
  while (ts.isParenthesizedExpression(node) || ts.isSatisfiesExpression(node) || ts.isAsExpression(node)) node = node.expression;
  if (ts.isConditionalExpression(node)) {
    const a = fieldsOf(node.whenTrue);
    const b = fieldsOf(node.whenFalse);
    return a && b ? [...a, ...b] : undefined;
  }
  if (!ts.isObjectLiteralExpression(node)) return undefined;
  const out: string[] = [];
  for (const p of node.properties) {
    if (ts.isSpreadAssignment(p)) {
      const inner = fieldsOf(p.expression);
      if (!inner) return undefined;
      out.push(...inner);
    } else if (p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) {
      out.push(p.name.text);
    } else {
      return undefined;
    }
  }
  return out;
}

/** The name a path is bound to (`const url = …`, `{ url: … }`, `url={…}`), if any. */
function boundName(node: ts.Node): string | undefined {
  const p = node.parent;
  if (ts.isVariableDeclaration(p) && p.initializer === node && ts.isIdentifier(p.name)) return p.name.text;
  if (ts.isPropertyAssignment(p) && p.initializer === node && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) return p.name.text;
  if (ts.isJsxExpression(p) && ts.isJsxAttribute(p.parent)) return p.parent.name.getText();
  if (ts.isJsxAttribute(p)) return p.name.getText();
  return undefined;
}

interface Found { node: ts.Node; path: string; at: string; file: string }

/** Scans web/src (or `dir`) for the API calls the web app makes. */
export function webApiCalls(root: string, dir = path.join(root, 'web', 'src')): WebCalls {
  const found: Found[] = [];
  // Methods per name used as a path: api.post(url, …) → url: POST. Per file, and over all files.
  const byName = new Map<string, Set<string>>();
  const byFileName = new Map<string, Set<string>>();
  const add = (map: Map<string, Set<string>>, key: string, method: string) => map.set(key, (map.get(key) ?? new Set()).add(method));

  // web/src/api.ts is the transport itself (request(method, path)): its own calls say nothing.
  for (const file of sourceFiles(dir).filter((f) => path.relative(dir, f) !== 'api.ts')) {
    const rel = path.relative(root, file);
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node)) {
        const arg = node.arguments.find((a) => ts.isIdentifier(a) || ts.isPropertyAccessExpression(a));
        if (arg) {
          const method = methodOfCall(node, arg);
          const name = ts.isIdentifier(arg) ? arg.text : (arg as ts.PropertyAccessExpression).name.text;
          if (method) {
            add(byName, name, method);
            add(byFileName, `${rel}#${name}`, method);
          }
        }
      }
      const p = pathOf(node);
      if (p !== undefined) {
        const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
        found.push({ node, path: p, at: `${rel}:${line}`, file: rel });
        return;
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }

  const calls: WebCall[] = [];
  const unresolved: WebCalls['unresolved'] = [];
  for (const f of found) {
    const methods = new Set<string>();
    // Walk out of conditionals and parentheses (`a ? '/api/x' : '/api/y'`) to what uses the path.
    let node: ts.Node = f.node;
    while (ts.isParenthesizedExpression(node.parent) || (ts.isConditionalExpression(node.parent) && node.parent.condition !== node)) node = node.parent;
    const parent = node.parent;
    const direct = ts.isCallExpression(parent) ? methodOfCall(parent, node) : undefined;
    let bodyFields: string[] | undefined;
    if (direct) {
      methods.add(direct);
      const call = parent as ts.CallExpression;
      if (ts.isPropertyAccessExpression(call.expression) && direct !== 'GET' && direct !== 'DELETE') bodyFields = fieldsOf(call.arguments[1]);
    }
    else {
      const name = boundName(node);
      if (name === 'href') methods.add('GET');
      else if (name) for (const m of byFileName.get(`${f.file}#${name}`) ?? byName.get(name) ?? []) methods.add(m);
    }
    if (methods.size === 0) unresolved.push({ path: f.path, at: f.at });
    for (const method of methods) calls.push({ method, path: f.path, at: f.at, ...(bodyFields ? { bodyFields: [...new Set(bodyFields)] } : {}) });
  }
  return { calls, unresolved };
}

/**
 * The operation ("METHOD /path" as in the OpenAPI document, with {params}) a web call reaches, or
 * undefined. A fixed segment of the operation must be spelled the same; a {param} takes any segment.
 * When several operations fit (/partnerships/tasks and /partnerships/{id}), the one with the most
 * fixed segments wins, as in the server's router.
 */
export function operationOf(call: WebCall, operations: string[]): string | undefined {
  const segs = call.path.split('/');
  let best: { key: string; fixed: number } | undefined;
  for (const key of operations) {
    const [method, opPath] = key.split(' ') as [string, string];
    if (method !== call.method) continue;
    const opSegs = opPath.split('/');
    if (opSegs.length !== segs.length) continue;
    let fixed = 0;
    const fits = opSegs.every((s, i) => {
      if (/^\{[^}]+\}$/.test(s)) return true;
      fixed += 1;
      return s === segs[i];
    });
    if (fits && (!best || fixed > best.fixed)) best = { key, fixed };
  }
  return best?.key;
}
