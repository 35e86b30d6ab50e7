import type {
  KyselyPlugin,
  OperationNode,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely';

/*
 * The pipeline's SQL statements as the application sees them: a Kysely plugin on the platform's database
 * handle times each statement from compilation to its result (building the SQL, the driver, the network and
 * the server), so the benchmark can tell which statement the storing time goes to without touching the
 * pipeline's code.
 */

export interface StatementTimes {
  statement: string;
  calls: number;
  seconds: number;
}

/** The first table a statement names: the INSERT's target, the UPDATE's table, the first FROM. */
function firstTable(node: unknown, depth = 0): string | null {
  if (depth > 6 || node === null || typeof node !== 'object') return null;
  const candidate = node as { kind?: string; table?: { identifier?: { name?: string } } };
  if (candidate.kind === 'TableNode') return candidate.table?.identifier?.name ?? null;
  for (const value of Object.values(node)) {
    const found = Array.isArray(value)
      ? value.map((item) => firstTable(item, depth + 1)).find((name) => name !== null)
      : firstTable(value, depth + 1);
    if (found) return found;
  }
  return null;
}

function labelOf(node: OperationNode): string {
  switch (node.kind) {
    case 'InsertQueryNode':
      return `insert into ${firstTable((node as { into?: unknown }).into) ?? '?'}`;
    case 'UpdateQueryNode':
      return `update ${firstTable((node as { table?: unknown }).table) ?? '?'}`;
    case 'DeleteQueryNode':
      return `delete from ${firstTable((node as { from?: unknown }).from) ?? '?'}`;
    case 'SelectQueryNode':
      return `select from ${firstTable((node as { from?: unknown }).from) ?? '?'}`;
    default:
      return node.kind === 'RawNode' ? 'raw SQL (sql`…`)' : node.kind;
  }
}

export function statementTimer(): { plugin: KyselyPlugin; times(): StatementTimes[] } {
  const started = new WeakMap<object, { label: string; at: number }>();
  const totals = new Map<string, { calls: number; ms: number }>();
  return {
    plugin: {
      transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
        started.set(args.queryId, { label: labelOf(args.node), at: performance.now() });
        return args.node;
      },
      async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
        const start = started.get(args.queryId);
        if (start) {
          const total = totals.get(start.label) ?? { calls: 0, ms: 0 };
          total.calls += 1;
          total.ms += performance.now() - start.at;
          totals.set(start.label, total);
        }
        return args.result;
      },
    },
    times: () =>
      [...totals]
        .map(([statement, { calls, ms }]) => ({ statement, calls, seconds: ms / 1000 }))
        .sort((a, b) => b.seconds - a.seconds),
  };
}
