import type { FastifyInstance } from 'fastify';
import { type Static, Type } from 'typebox';
import { principalOf, runAsPrincipal } from '../../http/principal.ts';
import { anonymousActor, type Platform, runReadOnly, runUseCase } from '../../platform/context.ts';
import { requireVerifiedSubject } from '../accounts/verified-subject.ts';
import { explainRecord } from './explain-record.ts';
import { exportQueryLedger } from './export-query-ledger.ts';
import { listQueryScenarios } from './list-query-scenarios.ts';
import { listWhoQueriedMe } from './list-who-queried-me.ts';
import { governmentQueryOf, governmentRefusal, querierOf, verifiedSubjectOf } from './querier.ts';
import { queryAsGovernment } from './query-as-government.ts';
import { queryOwnRecords } from './query-own-records.ts';
import { readPublicSubject } from './read-public-subject.ts';
import { readPublicationFeed } from './read-publication-feed.ts';
import { readScoringRecords } from './read-scoring-records.ts';
import { recordQueryApplication } from './record-query-application.ts';
import { refuseQueryLogDeletion } from './refuse-query-log-deletion.ts';
import { runAssistedQuery } from './run-assisted-query.ts';
import {
  AssistedQueryBody,
  ExplainParams,
  ExplainQuery,
  ExplainView,
  FeedQuery,
  FeedSchema,
  GovernmentQueryBody,
  GovernmentQueryView,
  LedgerQuery,
  PageQuery,
  PublicSubjectQuery,
  QueryApplicationSchema,
  QueryLogEntryParams,
  QueryLogEntrySchema,
  QueryScenariosSchema,
  ScoringQuery,
  ScoringView,
  SelfQueryQuery,
  SelfQueryView,
  SubjectCodeParams,
  SubjectViewSchema,
} from './schemas.ts';
import type { QueryLogRow } from './store.ts';

function presentLogRow(row: QueryLogRow) {
  return { ...row, queriedAt: row.queriedAt.toISOString() };
}

export function disclosureRoutes(platform: Platform) {
  return async (app: FastifyInstance) => {
    app.get<{ Params: Static<typeof SubjectCodeParams>; Querystring: Static<typeof PublicSubjectQuery> }>(
      '/api/v1/public/subjects/:code',
      {
        config: { access: 'public' },
        schema: {
          tags: ['public'],
          summary: '信用主体公示页：社会公开信息，每类分页 / a subject’s public records, a page per category',
          params: SubjectCodeParams,
          querystring: PublicSubjectQuery,
          response: { 200: SubjectViewSchema },
        },
      },
      (request) =>
        runReadOnly(platform, anonymousActor, (ctx) =>
          readPublicSubject(ctx, { code: request.params.code, page: request.query }),
        ),
    );

    // The same feed twice: every public record for the portals and the media (R70–R72), and a provider's own
    // for its publication platform (R73).
    for (const feed of [
      { url: '/api/v1/public/feed', access: 'public', own: false, tag: 'public' },
      {
        url: '/api/v1/provider/publication-feed',
        access: { permission: 'collection.own.read' },
        own: true,
        tag: 'provider',
      },
    ] as const) {
      app.get<{ Querystring: Static<typeof FeedQuery> }>(
        feed.url,
        {
          config: { access: feed.access },
          schema: {
            tags: [feed.tag],
            summary: feed.own
              ? '本单位对外发布的社会公开记录 / the provider’s own public records, for its publication platform'
              : '社会公开记录发布数据 / the public records feed for other publication channels',
            querystring: FeedQuery,
            response: { 200: FeedSchema },
          },
        },
        async (request) => {
          const own = feed.own ? principalOf(request).organizationCode : null;
          return runUseCase(
            platform,
            feed.own ? principalOf(request).actor : anonymousActor,
            (ctx) =>
              readPublicationFeed(ctx, {
                since: request.query.since,
                providerCode: feed.own ? (own ?? '') : null,
                cursor: request.query.cursor ?? null,
                limit: request.query.limit ?? 100,
              }),
            request.id,
          );
        },
      );
    }

    app.get<{ Querystring: Static<typeof SelfQueryQuery> }>(
      '/api/v1/me/records',
      {
        config: { access: { permission: 'subject.self.read' } },
        schema: {
          tags: ['subject'],
          summary: '查询本主体信用信息（须实名认证） / own records after real-name verification',
          querystring: SelfQueryQuery,
          response: { 200: SelfQueryView },
        },
      },
      async (request) => {
        const principal = principalOf(request);
        const verified = verifiedSubjectOf(principal);
        const code = request.query.code ?? requireVerifiedSubject(verified);
        return runUseCase(
          platform,
          principal.actor,
          (ctx) =>
            queryOwnRecords(ctx, { querier: querierOf(principal), verifiedSubjectCode: verified, code }),
          request.id,
        );
      },
    );

    app.get<{ Querystring: Static<typeof PageQuery> }>(
      '/api/v1/me/queries',
      {
        config: { access: { permission: 'subject.self.read' } },
        schema: {
          tags: ['subject'],
          summary: '谁查询了我 / who queried me',
          querystring: PageQuery,
          response: { 200: Type.Array(QueryLogEntrySchema) },
        },
      },
      async (request) => {
        const rows = await runAsPrincipal(platform, request, (ctx, principal) =>
          listWhoQueriedMe(ctx, {
            verifiedSubjectCode: verifiedSubjectOf(principal),
            limit: request.query.limit ?? 50,
            offset: request.query.offset ?? 0,
          }),
        );
        return rows.map(presentLogRow);
      },
    );

    app.get<{ Params: Static<typeof SubjectCodeParams>; Querystring: Static<typeof ScoringQuery> }>(
      '/api/v1/scoring/subjects/:code/records',
      {
        config: { access: { permission: 'records.scoring_feed' } },
        schema: {
          tags: ['agency'],
          summary:
            '信用评价数据：仅在公示状态的社会公开记录（R74） / a subject’s ACTIVE records for a scoring product',
          params: SubjectCodeParams,
          querystring: ScoringQuery,
          response: { 200: ScoringView },
        },
      },
      async (request) => {
        return runAsPrincipal(platform, request, (ctx, principal) =>
          readScoringRecords(ctx, {
            code: request.params.code,
            purpose: request.query.purpose,
            channel: principal.apiClient ? 'API' : 'ONLINE',
            querier: querierOf(principal),
          }),
        );
      },
    );

    app.get(
      '/api/v1/gov/scenarios',
      {
        config: { access: { permission: 'records.gov.query' } },
        schema: {
          tags: ['government'],
          summary: '政务查询场景（用途）清单 / the query scenarios (purposes) to pick from',
          response: { 200: QueryScenariosSchema },
        },
      },
      () => listQueryScenarios(platform.profile, platform.clock.today()),
    );

    app.post<{ Body: Static<typeof GovernmentQueryBody> }>(
      '/api/v1/gov/queries',
      {
        config: { access: { permission: 'records.gov.query' } },
        schema: {
          tags: ['government'],
          summary: '政务查询：须选择场景、填写事由与办件编号 / a government query with scenario and purpose',
          body: GovernmentQueryBody,
          response: { 200: GovernmentQueryView },
        },
      },
      async (request) => {
        const result = await runAsPrincipal(platform, request, (ctx, principal) =>
          queryAsGovernment(ctx, governmentQueryOf(principal, request.body)),
        );
        if (result.refused) throw governmentRefusal(result.refused);
        return { ...result.view, queryLogEntry: result.entryId };
      },
    );

    // The same ledger twice: an agency's own (records.gov.query), and any organization's for the center and
    // the competent department (query_log.read).
    for (const ledger of [
      {
        url: '/api/v1/gov/query-log',
        permission: 'records.gov.query',
        anyOrganization: false,
        tag: 'government',
      },
      { url: '/api/v1/query-log', permission: 'query_log.read', anyOrganization: true, tag: 'center' },
    ] as const) {
      app.get<{ Querystring: Static<typeof LedgerQuery> }>(
        ledger.url,
        {
          config: { access: { permission: ledger.permission } },
          schema: {
            tags: [ledger.tag],
            summary: ledger.anyOrganization
              ? '任一单位的查询日志台账 / any organization’s query ledger'
              : '本单位查询日志台账 / the agency’s own query ledger',
            querystring: LedgerQuery,
            response: { 200: Type.Array(QueryLogEntrySchema) },
          },
        },
        async (request) => {
          const rows = await runAsPrincipal(platform, request, (ctx, principal) =>
            exportQueryLedger(ctx, {
              ...request.query,
              organization: request.query.organization ?? null,
              own: principal.organizationCode,
              anyOrganization: ledger.anyOrganization,
            }),
          );
          return rows.map(presentLogRow);
        },
      );
    }

    app.post<{ Body: Static<typeof QueryApplicationSchema> }>(
      '/api/v1/query-applications',
      {
        config: { access: { permission: 'query_applications.manage' } },
        schema: {
          tags: ['center'],
          summary: '登记经批准的查询申请 / record an approved query application (R87, R90)',
          body: QueryApplicationSchema,
          response: { 200: QueryApplicationSchema },
        },
      },
      async (request) => {
        return runAsPrincipal(platform, request, (ctx, principal) =>
          recordQueryApplication(ctx, { ...request.body, approvedBy: querierOf(principal).account }),
        );
      },
    );

    app.post<{ Body: Static<typeof AssistedQueryBody> }>(
      '/api/v1/center/assisted-queries',
      {
        config: { access: { permission: 'records.assisted_query' } },
        schema: {
          tags: ['center'],
          summary:
            '市信用中心协助查询（须有经批准的查询申请） / an assisted query on an approved application',
          body: AssistedQueryBody,
          response: { 200: GovernmentQueryView },
        },
      },
      async (request) => {
        const principal = principalOf(request);
        const { agency, applicationId, ...body } = request.body;
        const result = await runUseCase(
          platform,
          principal.actor,
          (ctx) =>
            runAssistedQuery(ctx, {
              ...body,
              scenarioBasis: body.scenarioBasis ?? null,
              agency,
              applicationId,
              staff: querierOf(principal),
            }),
          request.id,
        );
        if (result.refused) throw governmentRefusal(result.refused);
        return { ...result.view, queryLogEntry: result.entryId };
      },
    );

    app.delete<{ Params: Static<typeof QueryLogEntryParams> }>(
      '/api/v1/query-log/:subject/:entry',
      {
        config: { access: { permission: 'query_log.read' } },
        schema: {
          tags: ['center'],
          summary: '删除查询日志条目：一律拒绝并记录 / delete a query-log entry: always refused, and logged',
          params: QueryLogEntryParams,
        },
      },
      async (request) => {
        throw await runUseCase(
          platform,
          principalOf(request).actor,
          (ctx) =>
            refuseQueryLogDeletion(ctx, {
              subjectCode: request.params.subject,
              entryId: request.params.entry,
            }),
          request.id,
        );
      },
    );

    app.get<{ Params: Static<typeof ExplainParams>; Querystring: Static<typeof ExplainQuery> }>(
      '/api/v1/records/:subject/:id/explain',
      {
        config: { access: { permission: 'records.explain' } },
        schema: {
          tags: ['center'],
          summary: '说明某记录为何对某类查询者可见或不可见 / why a record is or is not shown to a viewer',
          params: ExplainParams,
          querystring: ExplainQuery,
          response: { 200: ExplainView },
        },
      },
      (request) =>
        runUseCase(
          platform,
          principalOf(request).actor,
          (ctx) =>
            explainRecord(ctx, {
              subjectCode: request.params.subject,
              recordId: request.params.id,
              viewer: request.query.viewer,
              organization: request.query.organization,
            }),
          request.id,
        ),
    );
  };
}
