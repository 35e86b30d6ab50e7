import { checkCode } from '../../core/identity/check-code.ts';
import type { LocalDate } from '../../core/time/local-date.ts';
import { payloadHash } from '../audit/record-event.ts';
import { divisionOfCode } from '../subjects/kind-of-code.ts';
import type { OpenBatch } from './open-batch.ts';
import type { AcceptedRow, StoredRow } from './store-accepted.ts';

const SERIOUS = '严重';
/** "张三:3502…; 李四：3502…" — the persons a row names besides the legal representative. */
const PERSON_SEPARATOR = /[;；,，、\n]+/;
const NAME_NUMBER_SEPARATOR = /[:：]/;

interface ResponsiblePerson {
  name: string;
  idNumber: string;
  capacity: '法定代表人' | '主要负责人或直接责任人员';
}

function responsiblePersons(row: AcceptedRow): ResponsiblePerson[] {
  const persons: ResponsiblePerson[] = [];
  const representative = row.facts.legalRepresentativeDocumentNumber;
  if (row.facts.legalRepresentative && representative) {
    persons.push({ name: row.facts.legalRepresentative, idNumber: representative, capacity: '法定代表人' });
  }
  for (const entry of (row.facts.responsiblePersons ?? '').split(PERSON_SEPARATOR)) {
    const [name, idNumber] = entry.split(NAME_NUMBER_SEPARATOR).map((part) => part.trim());
    if (name && idNumber) persons.push({ name, idNumber, capacity: '主要负责人或直接责任人员' });
  }
  return persons;
}

/**
 * 004 第二十九条 (R38, Nantong): a serious negative record about a legal person also goes into the credit
 * archive of its legal representative, principal responsible person and other directly responsible persons
 * named with their ID numbers — the same degree, an equal validity period, a reference to the organization's
 * record — shared with government users. A person named without a valid ID number cannot be keyed (R40) and
 * gets no derived record.
 */
export function deriveResponsiblePersonRows(
  today: LocalDate,
  batch: OpenBatch,
  stored: readonly StoredRow[],
): AcceptedRow[] {
  if (batch.item.definition.category !== 'dishonest') return [];
  return stored.flatMap(({ row, subjectCode, recordId }) => {
    if (row.subject.naturalPerson || row.derived || row.facts.severity !== SERIOUS) return [];
    const organizationName = row.subjectName ?? subjectCode;
    return responsiblePersons(row).flatMap((person): AcceptedRow[] => {
      const check = checkCode(person.idNumber, { today });
      if (check.kind !== 'resident_id' || !check.valid) return [];
      const content = {
        说明: `源自 ${organizationName} 严重失信`,
        身份: person.capacity,
        源自主体: subjectCode,
        源自主体名称: organizationName,
        源自记录: `${subjectCode}/${recordId}`,
        失信程度: SERIOUS,
        决定书文号: row.facts.documentNumber ?? null,
        认定日期: row.facts.decidedOn?.toString() ?? null,
      };
      return [
        {
          rowNumber: row.rowNumber,
          subject: {
            code: check.normalized,
            codeKind: 'resident_id',
            naturalPerson: true,
            viaDocument: null,
            provisional: false,
          },
          subjectName: person.name,
          legalRepresentative: null,
          divisionCode: divisionOfCode(check) ?? batch.provider.divisionCode,
          facts: { severity: SERIOUS, decidedOn: row.facts.decidedOn },
          content,
          payloadHash: payloadHash(content),
          // Equal validity period: the organization record's periods, unchanged.
          validation: { ...row.validation, flags: [] },
          derived: {
            subjectCode,
            recordId,
            recordKey: `derived:${subjectCode}:${recordId}`,
            disclosure: 'government',
          },
        },
      ];
    });
  });
}
