import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Static } from 'typebox';
import type { WorkflowRequest } from '../../core/catalog/workflow.ts';
import { InvalidDateError, parseLocalDate } from '../../core/time/local-date.ts';
import { HttpProblem, prefersEnglish } from '../../http/errors.ts';
import { principalOf } from '../../http/principal.ts';
import type { Platform, UseCaseContext } from '../../platform/context.ts';
import { InvalidInputError } from '../../platform/errors.ts';
import { advanceCatalogWorkflow } from './advance-workflow.ts';
import {
  CatalogChangeDeniedError,
  CatalogItemNotFoundError,
  CatalogRulesError,
  runCatalogChange,
} from './change-rules.ts';
import { createCatalogItem } from './create-item.ts';
import { editCatalogDraft } from './edit-draft.ts';
import { listItemsForProvider } from './item-for-submission.ts';
import { listManagedItems } from './list-managed-items.ts';
import { listPublishedItems } from './list-published-items.ts';
import { readManagedItem } from './read-managed-item.ts';
import { readPublishedItem } from './read-published-item.ts';
import {
  CreateItemBody,
  DraftBody,
  ItemCodeParams,
  ManagedCatalog,
  ManagedItem,
  ProviderCatalog,
  ProvidersBody,
  PublicCatalogQuery,
  PublishedCatalog,
  PublishedItem,
  TransitionBody,
} from './schemas.ts';
import { setCatalogProviders } from './set-providers.ts';
import { startCatalogVersion } from './start-new-version.ts';

type Params = Static<typeof ItemCodeParams>;

const noItem = (code: string) => new HttpProblem(404, 'CATALOG_ITEM_NOT_FOUND', `目录中没有信息事项 ${code}`);

/** The catalog's own failures as the HTTP answers a person can act on. */
export function problemOf(request: FastifyRequest, error: unknown): unknown {
  const english = prefersEnglish(request);
  if (error instanceof CatalogRulesError) {
    const fields = error.problems.map((p) => ({ field: p.path, reason: english ? p.en : p.zh }));
    return new HttpProblem(400, 'CATALOG_RULES', fields.map((f) => f.reason).join('；'), fields);
  }
  if (error instanceof CatalogChangeDeniedError) {
    return new HttpProblem(
      403,
      'CATALOG_CHANGE_DENIED',
      english ? error.en : `${error.zh}（${error.source}）`,
    );
  }
  if (error instanceof CatalogItemNotFoundError) return noItem(error.itemCode);
  return error;
}

function dateOf(field: 'closesOn' | 'approvedOn', value: string | undefined) {
  if (value === undefined) {
    throw new InvalidInputError(field, '请填写日期', 'a date is required for this step');
  }
  try {
    return parseLocalDate(value);
  } catch (error) {
    if (error instanceof InvalidDateError) throw new InvalidInputError(field, '日期无效', error.message);
    throw error;
  }
}

function workflowRequest(body: Static<typeof TransitionBody>): WorkflowRequest {
  if (body.to === 'PUBLIC_CONSULTATION') return { to: body.to, closesOn: dateOf('closesOn', body.closesOn) };
  if (body.to === 'MUNICIPAL_GOVERNMENT_APPROVED') {
    return { to: body.to, approvedOn: dateOf('approvedOn', body.approvedOn) };
  }
  return { to: 'PUBLISHED' };
}

/** An item as JSON: its versions' timestamps as ISO strings. */
function presentManaged<V extends { updatedAt: Date }, T extends { versions: V[] }>(item: T) {
  return { ...item, versions: item.versions.map((v) => ({ ...v, updatedAt: v.updatedAt.toISOString() })) };
}

export function catalogRoutes(platform: Platform) {
  /** Runs one change for the caller and answers with the item as the center now sees it. */
  const change = async (
    request: FastifyRequest,
    code: string,
    run: (ctx: UseCaseContext) => Promise<unknown>,
  ) => {
    try {
      await runCatalogChange(platform, principalOf(request).actor, run, request.id);
    } catch (error) {
      throw problemOf(request, error);
    }
    const item = await readManagedItem(platform, code);
    if (!item) throw noItem(code);
    return presentManaged(item);
  };

  return async (app: FastifyInstance) => {
    app.get<{ Querystring: Static<typeof PublicCatalogQuery> }>(
      '/api/v1/catalog',
      {
        config: { access: 'public' },
        schema: {
          tags: ['public'],
          summary: '已发布的公共信用信息目录 / the published catalog',
          querystring: PublicCatalogQuery,
          response: { 200: PublishedCatalog },
        },
      },
      async (request) => {
        const { level } = request.query;
        const items = await listPublishedItems(
          platform,
          level === undefined ? {} : { level: level === 'city' ? null : level },
        );
        return { items };
      },
    );

    app.get(
      '/api/v1/catalog/manage',
      {
        config: { access: { permission: 'catalog.manage' } },
        schema: {
          tags: ['center'],
          summary: '目录事项及其全部版本 / every catalog item with its versions',
          response: { 200: ManagedCatalog },
        },
      },
      async () => {
        const items = await listManagedItems(platform);
        return { items: items.map(presentManaged) };
      },
    );

    app.get(
      '/api/v1/catalog/mine',
      {
        config: { access: { permission: 'collection.own.read' } },
        schema: {
          tags: ['provider'],
          summary: '本单位可报送的已发布目录事项及字段 / the published items one’s organization may submit',
          response: { 200: ProviderCatalog },
        },
      },
      async (request) => {
        const organization = principalOf(request).organizationCode;
        if (!organization) throw new HttpProblem(403, 'NO_ORGANIZATION', '账号未关联信息提供单位');
        return { items: await listItemsForProvider(platform.db, organization) };
      },
    );

    app.get<{ Params: Params }>(
      '/api/v1/catalog/manage/:code',
      {
        config: { access: { permission: 'catalog.manage' } },
        schema: {
          tags: ['center'],
          summary: '目录事项的全部版本及待办步骤的障碍 / one item, every version, what blocks its next step',
          params: ItemCodeParams,
          response: { 200: ManagedItem },
        },
      },
      async (request) => {
        const item = await readManagedItem(platform, request.params.code);
        if (!item) throw noItem(request.params.code);
        return presentManaged(item);
      },
    );

    app.get<{ Params: Params }>(
      '/api/v1/catalog/:code',
      {
        config: { access: 'public' },
        schema: {
          tags: ['public'],
          summary: '已发布的目录事项及其数据格式 / one published item with its data format',
          params: ItemCodeParams,
          response: { 200: PublishedItem },
        },
      },
      async (request) => {
        const item = await readPublishedItem(platform, request.params.code);
        if (!item) throw noItem(request.params.code);
        return item;
      },
    );

    app.post<{ Body: Static<typeof CreateItemBody> }>(
      '/api/v1/catalog/items',
      {
        config: { access: { permission: 'catalog.manage' } },
        schema: {
          tags: ['center'],
          summary: '新建目录事项（第1版草稿） / create an item as a version 1 draft',
          body: CreateItemBody,
          response: { 200: ManagedItem },
        },
      },
      (request) =>
        change(request, request.body.definition.code, (ctx) =>
          createCatalogItem(ctx, {
            definition: request.body.definition,
            ownerOrganizationCode: request.body.ownerOrganizationCode ?? null,
          }),
        ),
    );

    app.put<{ Params: Params; Body: Static<typeof DraftBody> }>(
      '/api/v1/catalog/items/:code/draft',
      {
        config: { access: { permission: 'catalog.manage' } },
        schema: {
          tags: ['center'],
          summary: '修改草稿版本 / edit the draft version',
          params: ItemCodeParams,
          body: DraftBody,
          response: { 200: ManagedItem },
        },
      },
      (request) =>
        change(request, request.params.code, (ctx) =>
          editCatalogDraft(ctx, { code: request.params.code, content: request.body.definition }),
        ),
    );

    app.post<{ Params: Params }>(
      '/api/v1/catalog/items/:code/versions',
      {
        config: { access: { permission: 'catalog.manage' } },
        schema: {
          tags: ['center'],
          summary: '以已发布版本为底稿另起新版本 / start a new draft from the published version',
          params: ItemCodeParams,
          response: { 200: ManagedItem },
        },
      },
      (request) =>
        change(request, request.params.code, (ctx) =>
          startCatalogVersion(ctx, { code: request.params.code }),
        ),
    );

    app.post<{ Params: Params; Body: Static<typeof TransitionBody> }>(
      '/api/v1/catalog/items/:code/transitions',
      {
        config: { access: { permission: 'catalog.manage' } },
        schema: {
          tags: ['center'],
          summary: '征求意见、记录市政府批准、发布 / consult, record the approval, publish (R10)',
          params: ItemCodeParams,
          body: TransitionBody,
          response: { 200: ManagedItem },
        },
      },
      (request) =>
        change(request, request.params.code, (ctx) =>
          advanceCatalogWorkflow(ctx, {
            code: request.params.code,
            request: workflowRequest(request.body),
            reference: request.body.reference ?? null,
          }),
        ),
    );

    app.put<{ Params: Params; Body: Static<typeof ProvidersBody> }>(
      '/api/v1/catalog/items/:code/providers',
      {
        config: { access: { permission: 'catalog.manage' } },
        schema: {
          tags: ['center'],
          summary: '设置可报送该事项的信息提供单位 / set the providers permitted to submit the item',
          params: ItemCodeParams,
          body: ProvidersBody,
          response: { 200: ManagedItem },
        },
      },
      (request) =>
        change(request, request.params.code, (ctx) =>
          setCatalogProviders(ctx, {
            code: request.params.code,
            organizationCodes: request.body.organizationCodes,
          }),
        ),
    );
  };
}
