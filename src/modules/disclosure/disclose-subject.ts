import {
  type CatalogItemDefinition,
  DISCLOSURE_ATTRIBUTES,
  type DisclosureAttribute,
} from '../../core/catalog/item.ts';
import { recordStateOn } from '../../core/policy/record-state-on.ts';
import { versionInForce } from '../../core/policy/resolver.ts';
import type { PolicyParameters, PolicyProfile } from '../../core/policy/types.ts';
import type { LocalDate } from '../../core/time/local-date.ts';
import {
  decideVisibility,
  type Viewer,
  type VisibilityDecision,
} from '../../core/visibility/decide-visibility.ts';
import { isRecordState, type RecordMarker } from '../../core/visibility/record-states.ts';
import type { ReadContext } from '../../platform/context.ts';
import { NO_OBJECTION, type ObjectionMarks, objectionMarksOf } from '../objections/objection-marks.ts';
import type { ReportRecord, ReportSection } from '../reports/document.ts';
import { NATURAL_PERSON_KIND } from '../subjects/kinds.ts';
import type { SubjectRow } from '../subjects/store.ts';
import { type Entitlement, presentRecord } from './present-record.ts';
import {
  type DisclosableRecord,
  findItemDefinitions,
  findRecordContents,
  listDisclosableRecords,
  listRecordHeads,
  type RecordHead,
} from './store.ts';

/**
 * A window on each category's records, for a page people read: a subject may hold thousands (bench/report.ts
 * meets 21,455), which no reader pages through at once and which made the portal's answer megabytes long.
 * The report and the logged queries take every record.
 */
export interface SectionPage {
  limit: number;
  /** Only this category's records, from `offset`: the portal's 显示更多. */
  category?: string;
  offset?: number;
}

function inPage(page: SectionPage, category: string, index: number): boolean {
  const offset = page.offset ?? 0;
  return (
    (page.category === undefined || page.category === category) &&
    index >= offset &&
    index < offset + page.limit
  );
}

export interface Disclosure {
  sections: ReportSection[];
  /** How many records of each category the viewer may see, whatever the page holds. */
  totals: ReadonlyMap<string, number>;
  /** `subject/record@version` of every record shown: what the query log says was returned (R92). */
  returned: string[];
  /** A 政务共享 record is among those shown: a report must say it is confidential (002 第十一条). */
  includesGovernmentShared: boolean;
}

export interface JudgedRecord<R extends RecordHead = DisclosableRecord> {
  record: R;
  item: CatalogItemDefinition | undefined;
  /** The state on the query day (an active record past its last day of disclosure has lapsed). */
  state: string;
  decision: VisibilityDecision;
}

function isDisclosureAttribute(value: string): value is DisclosureAttribute {
  return (DISCLOSURE_ATTRIBUTES as readonly string[]).includes(value);
}

/** One record's decision for the viewer on `today`, through Tables F-1/F-2 (R61), with its objection marks (R67). */
export function judge<R extends RecordHead>(
  record: R,
  item: CatalogItemDefinition | undefined,
  subjectIsNaturalPerson: boolean,
  viewer: Viewer,
  params: PolicyParameters,
  today: LocalDate,
  objection: ObjectionMarks,
): JudgedRecord<R> {
  const lapsed = recordStateOn(record, today, params.periods);
  // 000 第二十八条; 003 第二十九条 ¶3: a late provider suspends an active record from the next day (R126, R129).
  const state = objection.suspended && lapsed === 'ACTIVE' ? 'SUSPENDED_OBJECTION' : lapsed;
  const decision = decideVisibility({
    viewer,
    params,
    record: {
      itemCode: record.itemCode,
      providerCode: record.providerCode,
      // A state or attribute this build does not know is read as the most restricted one (deny by default).
      disclosure: isDisclosureAttribute(record.disclosure) ? record.disclosure : 'government',
      state: isRecordState(state) ? state : 'RECEIVED',
      objectionOpen: objection.objectionOpen,
      disputePersists: objection.disputePersists,
      selfDeclared: false,
      subjectIsNaturalPerson,
      itemNationalException: Boolean(item?.nationalException),
    },
  });
  return { record, item, state, decision };
}

/** Every record of the subject with the decision Tables F-1/F-2 give for the viewer on `today` (R61). */
export async function judgeSubjectRecords(
  ctx: Pick<ReadContext, 'db'>,
  input: JudgeInput,
): Promise<JudgedRecord[]> {
  return judgeRecords(ctx, await listDisclosableRecords(ctx.db, input.subject.subjectCode), input);
}

interface JudgeInput {
  subject: SubjectRow;
  viewer: Viewer;
  profile: PolicyProfile;
  today: LocalDate;
}

async function judgeRecords<R extends RecordHead>(
  ctx: Pick<ReadContext, 'db'>,
  records: R[],
  input: JudgeInput,
): Promise<JudgedRecord<R>[]> {
  const params = versionInForce(input.profile, input.today).version.parameters;
  const [items, objections] = await Promise.all([
    findItemDefinitions(ctx.db, records),
    objectionMarksOf(ctx, records, params, input.today),
  ]);
  return records.map((record) =>
    judge(
      record,
      items.get(`${record.itemCode}@${record.itemVersion}`),
      input.subject.kind === NATURAL_PERSON_KIND,
      input.viewer,
      params,
      input.today,
      objections.get(`${record.subjectCode}/${record.recordId}`) ?? NO_OBJECTION,
    ),
  );
}

/**
 * What a viewer receives about a subject on `today`: the records Tables F-1 and F-2 let it see, presented for
 * it and grouped by category in the city's order (R61, R93). Every channel — page, API, CLI, report — uses this.
 */
export async function discloseSubject(
  ctx: Pick<ReadContext, 'db'>,
  input: {
    subject: SubjectRow;
    viewer: Viewer;
    entitlement: Entitlement;
    profile: PolicyProfile;
    today: LocalDate;
    /** Only these items (a government user naming what it asks for, R84); all when absent. */
    items?: ReadonlySet<string>;
    /** Only records of these disclosure attributes (what a batch agreement covers, R100); all when absent. */
    attributes?: ReadonlySet<string>;
    /** Only this window of each category; every record when absent. */
    page?: SectionPage;
  },
): Promise<Disclosure> {
  const { page } = input;
  // A page reads what its records say only once it knows which records it shows.
  const loaded = page ? null : await judgeSubjectRecords(ctx, input);
  const judged: JudgedRecord<RecordHead>[] =
    loaded ?? (await judgeRecords(ctx, await listRecordHeads(ctx.db, input.subject.subjectCode), input));
  const params = versionInForce(input.profile, input.today).version.parameters;
  const view = { entitlement: input.entitlement, naturalPerson: input.subject.kind === NATURAL_PERSON_KIND };
  const totals = new Map<string, number>();
  const shown: Array<Pick<JudgedRecord<RecordHead>, 'record' | 'item'> & { markers: RecordMarker[] }> = [];
  for (const { record, item, decision } of judged) {
    if (!decision.shown || (input.items && !input.items.has(record.itemCode))) continue;
    if (input.attributes && !input.attributes.has(record.disclosure)) continue;
    const index = totals.get(record.category) ?? 0;
    totals.set(record.category, index + 1);
    if (!page || inPage(page, record.category, index))
      shown.push({ record, item, markers: decision.markers });
  }
  const contents = loaded
    ? new Map(loaded.map(({ record }) => [`${record.recordId}@${record.version}`, record.content]))
    : await findRecordContents(
        ctx.db,
        input.subject.subjectCode,
        shown.map(({ record }) => record),
      );
  const byCategory = new Map<string, ReportRecord[]>();
  const returned: string[] = [];
  let includesGovernmentShared = false;
  for (const { record, item, markers } of shown) {
    // The version judged is the one presented: versions never change, even if a newer one came meanwhile.
    const content = contents.get(`${record.recordId}@${record.version}`) ?? {};
    const list = byCategory.get(record.category) ?? [];
    list.push(presentRecord({ ...record, content }, item, markers, view));
    byCategory.set(record.category, list);
    returned.push(`${record.subjectCode}/${record.recordId}@${record.version}`);
    includesGovernmentShared ||= record.disclosure === 'government';
  }
  const sections = params.catalog.categories.value.map((category) => ({
    category: category.code,
    title: category.names[0] ?? category.code,
    records: byCategory.get(category.code) ?? [],
  }));
  return { sections, totals, returned, includesGovernmentShared };
}
