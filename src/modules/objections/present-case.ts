import { objectionCaseNumber } from '../../core/objections/rules.ts';
import type { ProfileId } from '../../core/policy/profile-id.ts';
import type { ObjectionCaseRow } from './store.ts';

const iso = (at: Date | null) => at?.toISOString() ?? null;

/** A case as the API and the CLI show it: its number, its dates and every step with its due date (R6, R120-style). */
export function presentCase(row: ObjectionCaseRow, profileId: ProfileId) {
  return {
    caseNumber: objectionCaseNumber(profileId, row.caseId),
    subjectCode: row.subjectCode,
    recordIds: row.recordIds,
    ground: row.ground,
    statement: row.statement,
    evidence: row.evidence,
    channel: row.channel,
    providerCode: row.providerCode,
    receivedOn: row.receivedOn,
    acceptedOn: row.acceptedOn,
    status: row.status,
    notAcceptedCode: row.notAcceptedCode,
    notAcceptedReason: row.notAcceptedReason,
    comparison: row.comparison,
    forwardedAt: iso(row.forwardedAt),
    providerVerdict: row.providerVerdict,
    providerOpinion: row.providerOpinion,
    providerReasons: row.providerReasons,
    providerAnsweredAt: iso(row.providerAnsweredAt),
    outcome: row.outcome,
    outcomeReasons: row.outcomeReasons,
    closedAt: iso(row.closedAt),
    disputePersists: row.disputeRecordedAt !== null && row.disputeWithdrawnAt === null,
    steps: row.steps.map((step) => ({ ...step, completedAt: iso(step.completedAt) })),
  };
}
