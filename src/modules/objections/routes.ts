import type { FastifyInstance } from 'fastify';
import { type Static, type TSchema, Type } from 'typebox';
import { runAsPrincipal } from '../../http/principal.ts';
import type { Platform, UseCaseContext } from '../../platform/context.ts';
import { requireVerifiedSubject } from '../accounts/verified-subject.ts';
import { verifiedSubjectOf } from '../disclosure/querier.ts';
import { acceptObjection } from './accept-objection.ts';
import { answerObjection } from './answer-objection.ts';
import { closeObjection } from './close-objection.ts';
import { fileObjection } from './file-objection.ts';
import { forwardObjection } from './forward-objection.ts';
import { listObjections } from './list-objections.ts';
import { listOwnNotifications } from './list-own-notifications.ts';
import { presentCase } from './present-case.ts';
import { readFilingTerms } from './read-filing-terms.ts';
import { recordDispute } from './record-dispute.ts';
import {
  AcceptBody,
  AnswerBody,
  CaseListQuery,
  CaseParams,
  CloseBody,
  CounterFilingBody,
  DisputeBody,
  FilingTermsSchema,
  ForwardBody,
  ForwardResult,
  NotificationSchema,
  ObjectionCaseSchema,
  OwnFilingBody,
} from './schemas.ts';
import type { ObjectionCaseRow } from './store.ts';

type CaseRequest<B extends TSchema> = { Params: Static<typeof CaseParams>; Body: Static<B> };

export function objectionRoutes(platform: Platform) {
  const present = (row: ObjectionCaseRow) => presentCase(row, platform.profile.id);
  const caseList = { 200: Type.Array(ObjectionCaseSchema) };
  return async (app: FastifyInstance) => {
    // The subject's own objections (000 第二十六条; 003 第二十八条; 004 第三十一条).
    app.get(
      '/api/v1/me/objections',
      {
        config: { access: { permission: 'objections.file' } },
        schema: { tags: ['subject'], summary: '我的异议 / my objections', response: caseList },
      },
      async (request) => {
        const rows = await runAsPrincipal(platform, request, (ctx, principal) =>
          listObjections(ctx, {
            kind: 'SUBJECT',
            subjectCode: requireVerifiedSubject(verifiedSubjectOf(principal)),
          }),
        );
        return rows.map(present);
      },
    );

    app.get(
      '/api/v1/me/objections/terms',
      {
        config: { access: { permission: 'objections.file' } },
        schema: {
          tags: ['subject'],
          summary: '异议事由与证明材料要求 / what an objection may rest on here',
          response: { 200: FilingTermsSchema },
        },
      },
      async () => readFilingTerms(platform),
    );

    app.post<{ Body: Static<typeof OwnFilingBody> }>(
      '/api/v1/me/objections',
      {
        config: { access: { permission: 'objections.file' } },
        schema: {
          tags: ['subject'],
          summary: '对本主体的信息提出异议 / object to my records',
          body: OwnFilingBody,
          response: { 200: ObjectionCaseSchema },
        },
      },
      async (request) => {
        const row = await runAsPrincipal(platform, request, (ctx, principal) =>
          fileObjection(ctx, {
            ...request.body,
            subjectCode: requireVerifiedSubject(verifiedSubjectOf(principal)),
            channel: 'ONLINE',
          }),
        );
        return present(row);
      },
    );

    app.post<CaseRequest<typeof DisputeBody>>(
      '/api/v1/me/objections/:caseNumber/dispute',
      {
        config: { access: { permission: 'objections.file' } },
        schema: {
          tags: ['subject'],
          summary: '威海：异议处理完毕后仍有异议，或撤回 / WH: record or withdraw continued disagreement',
          params: CaseParams,
          body: DisputeBody,
          response: { 200: ObjectionCaseSchema },
        },
      },
      async (request) => {
        const row = await runAsPrincipal(platform, request, (ctx, principal) =>
          recordDispute(ctx, {
            caseNumber: request.params.caseNumber,
            subjectCode: requireVerifiedSubject(verifiedSubjectOf(principal)),
            action: request.body.action,
          }),
        );
        return present(row);
      },
    );

    app.get(
      '/api/v1/me/notifications',
      {
        config: { access: { permission: 'objections.file' } },
        schema: {
          tags: ['subject'],
          summary: '给我的通知（异议处理结果） / notices to me',
          response: { 200: Type.Array(NotificationSchema) },
        },
      },
      async (request) => {
        const rows = await runAsPrincipal(platform, request, (ctx, principal) =>
          listOwnNotifications(ctx, { verifiedSubjectCode: verifiedSubjectOf(principal) }),
        );
        return rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() }));
      },
    );

    // The center's desk (000 第二十七条; 003 第二十八条; 004 第三十二条).
    app.get<{ Querystring: Static<typeof CaseListQuery> }>(
      '/api/v1/objections',
      {
        config: { access: { permission: 'objections.manage' } },
        schema: {
          tags: ['objections'],
          summary: '异议案件 / objection cases',
          querystring: CaseListQuery,
          response: caseList,
        },
      },
      async (request) => {
        const { status } = request.query;
        const rows = await runAsPrincipal(platform, request, (ctx) =>
          listObjections(ctx, { kind: 'CENTER', ...(status ? { statuses: [status] } : {}) }),
        );
        return rows.map(present);
      },
    );

    app.post<{ Body: Static<typeof CounterFilingBody> }>(
      '/api/v1/objections',
      {
        config: { access: { permission: 'objections.manage' } },
        schema: {
          tags: ['objections'],
          summary: '登记窗口受理的异议申请 / record an objection filed at the counter',
          body: CounterFilingBody,
          response: { 200: ObjectionCaseSchema },
        },
      },
      async (request) => {
        const { subjectCode, ...filing } = request.body;
        const row = await runAsPrincipal(platform, request, (ctx) =>
          fileObjection(ctx, {
            ...filing,
            subjectCode: subjectCode.trim().toUpperCase(),
            channel: 'COUNTER',
          }),
        );
        return present(row);
      },
    );

    /** A step of the center's desk on one case: same permission, same shape. */
    const deskStep = <B extends TSchema>(
      action: string,
      summary: string,
      body: B,
      run: (ctx: UseCaseContext, caseNumber: string, input: Static<B>) => Promise<ObjectionCaseRow>,
    ) =>
      app.post<CaseRequest<B>>(
        `/api/v1/objections/:caseNumber/${action}`,
        {
          config: { access: { permission: 'objections.manage' } },
          schema: {
            tags: ['objections'],
            summary,
            params: CaseParams,
            body,
            response: { 200: ObjectionCaseSchema },
          },
        },
        async (request) =>
          present(
            await runAsPrincipal(platform, request, (ctx) =>
              // Fastify's generic route typing loses Static<B> through a generic; the schema validated the body.
              run(ctx, request.params.caseNumber, request.body as Static<B>),
            ),
          ),
      );

    deskStep('accept', '受理或不予受理 / accept or decline', AcceptBody, (ctx, caseNumber, body) =>
      acceptObjection(ctx, { caseNumber, ...body }),
    );
    deskStep(
      'close',
      '办结并告知申请人 / close the case and notify the applicant',
      CloseBody,
      (ctx, caseNumber, body) => closeObjection(ctx, { caseNumber, ...body }),
    );

    app.post<CaseRequest<typeof ForwardBody>>(
      '/api/v1/objections/:caseNumber/forward',
      {
        config: { access: { permission: 'objections.manage' } },
        schema: {
          tags: ['objections'],
          summary: '记录比对结果并转交信息提供单位核查 / record the comparison and forward to the provider',
          params: CaseParams,
          body: ForwardBody,
          response: { 200: ForwardResult },
        },
      },
      async (request) => {
        const result = await runAsPrincipal(platform, request, (ctx) =>
          forwardObjection(ctx, { caseNumber: request.params.caseNumber, ...request.body }),
        );
        return { forwarded: result.forwarded, case: present(result.case) };
      },
    );

    // The provider's verification tasks (000 第二十七条 ¶2; 003 第二十九条 ¶2; 004 第三十二条 ¶2).
    app.get(
      '/api/v1/provider/objections',
      {
        config: { access: { permission: 'objections.verify' } },
        schema: { tags: ['provider'], summary: '异议核查任务 / objections to verify', response: caseList },
      },
      async (request) => {
        const rows = await runAsPrincipal(platform, request, (ctx, principal) =>
          listObjections(ctx, { kind: 'PROVIDER', providerCode: principal.organizationCode }),
        );
        return rows.map(present);
      },
    );

    app.post<CaseRequest<typeof AnswerBody>>(
      '/api/v1/provider/objections/:caseNumber/answer',
      {
        config: { access: { permission: 'objections.verify' } },
        schema: {
          tags: ['provider'],
          summary: '反馈核查结果 / return the verification result',
          params: CaseParams,
          body: AnswerBody,
          response: { 200: ObjectionCaseSchema },
        },
      },
      async (request) => {
        const row = await runAsPrincipal(platform, request, (ctx, principal) =>
          answerObjection(ctx, {
            caseNumber: request.params.caseNumber,
            providerCode: principal.organizationCode,
            ...request.body,
          }),
        );
        return present(row);
      },
    );
  };
}
