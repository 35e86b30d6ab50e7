import { versionInForce } from '../../core/policy/resolver.ts';
import { parseLocalDate, startOfDay } from '../../core/time/local-date.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import { InvalidInputError } from '../../platform/errors.ts';
import { NO_OBJECTION, objectionMarksOf } from '../objections/objection-marks.ts';
import type { ReportRecord } from '../reports/document.ts';
import { NATURAL_PERSON_KIND } from '../subjects/kinds.ts';
import { judge } from './disclose-subject.ts';
import { presentRecord } from './present-record.ts';
import { type FeedCursor, findItemDefinitions, listChangedRecords } from './store.ts';
import { presentSubject, type SubjectHeader } from './subject-view.ts';

export interface FeedEntry {
  subject: SubjectHeader;
  category: string;
  record: ReportRecord;
}

export interface PublicationFeed {
  entries: FeedEntry[];
  /** Pass back to get the next page; null at the end. */
  cursor: string | null;
}

const SCAN_PAGE = 500;

function encodeCursor(cursor: FeedCursor): string {
  return Buffer.from(
    JSON.stringify([cursor.updatedAt.toISOString(), cursor.subjectCode, cursor.recordId]),
  ).toString('base64url');
}

function decodeCursor(text: string): FeedCursor {
  try {
    const [at, subjectCode, recordId] = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as [
      string,
      string,
      number,
    ];
    return { updatedAt: new Date(at), subjectCode, recordId };
  } catch {
    throw new InvalidInputError('cursor', '翻页标记无效', 'the cursor is not one this feed gave');
  }
}

/**
 * The records society may see, changed since a day, as a feed for other publication channels: the city's
 * portal and the provider platforms (XM 000 第十七条; 002 第五条; R70), the municipal portal and the media
 * export (WH 003 第二十一条 ¶1; R71), every NT channel alike (R72). Each record passes the same judge as a
 * portal query (Tables F-1/F-2, R64) on the day of the pull, so a record that expired is gone from the next
 * pull. With `providerCode`, only that provider's own records (003 第二十一条 ¶2; R73).
 */
export async function readPublicationFeed(
  ctx: UseCaseContext,
  input: { since: string; providerCode: string | null; cursor: string | null; limit: number },
): Promise<PublicationFeed> {
  const today = ctx.clock.today();
  const params = versionInForce(ctx.profile, today).version.parameters;
  const entries: FeedEntry[] = [];
  let after = input.cursor ? decodeCursor(input.cursor) : null;
  for (;;) {
    const page = await listChangedRecords(ctx.db, {
      since: startOfDay(parseLocalDate(input.since)),
      providerCode: input.providerCode,
      after,
      limit: SCAN_PAGE,
    });
    const records = page.map((p) => p.record);
    const [items, objections] = await Promise.all([
      findItemDefinitions(ctx.db, records),
      objectionMarksOf(ctx, records, params, today),
    ]);
    for (const { record, subject, updatedAt } of page) {
      after = { updatedAt, subjectCode: record.subjectCode, recordId: record.recordId };
      const naturalPerson = subject.kind === NATURAL_PERSON_KIND;
      const item = items.get(`${record.itemCode}@${record.itemVersion}`);
      const objection = objections.get(`${record.subjectCode}/${record.recordId}`) ?? NO_OBJECTION;
      const { decision } = judge(record, item, naturalPerson, { kind: 'PUBLIC' }, params, today, objection);
      if (!decision.shown) continue;
      entries.push({
        subject: presentSubject(
          { subjectCode: record.subjectCode, name: subject.name, kind: subject.kind },
          'masked',
        ),
        category: record.category,
        record: presentRecord(record, item, decision.markers, { entitlement: 'masked', naturalPerson }),
      });
      if (entries.length === input.limit) return { entries, cursor: encodeCursor(after) };
    }
    if (page.length < SCAN_PAGE) return { entries, cursor: null };
  }
}
