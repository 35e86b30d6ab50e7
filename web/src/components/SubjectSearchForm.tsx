import { SearchOutlined } from '@ant-design/icons';
import { Button, Input, Space } from 'antd';
import { type FormEvent, useId, useState } from 'react';
import { useI18n } from '../i18n/index.tsx';

// The bounds the server's public subject search enforces (src/modules/subjects/search-public-subjects.ts),
// checked here as well so the visitor hears about a too-short query at once, without a request.
export const minQueryLength = 2;
const maxQueryLength = 100;

export function isSearchableQuery(query: string): boolean {
  return Array.from(query.trim()).length >= minQueryLength;
}

interface SubjectSearchFormProps {
  /** The query already searched for, shown in the box (and judged, if it was typed into the address bar). */
  initialQuery?: string;
  onSearch(query: string): void;
  autoFocus?: boolean;
}

/** The search box for organisations by name or unified social credit code. */
export function SubjectSearchForm({
  initialQuery = '',
  onSearch,
  autoFocus = false,
}: SubjectSearchFormProps) {
  const { t } = useI18n();
  const inputId = useId();
  const messageId = useId();
  const [query, setQuery] = useState(initialQuery);
  const [tooShort, setTooShort] = useState(initialQuery !== '' && !isSearchableQuery(initialQuery));

  function submit(event: FormEvent) {
    event.preventDefault();
    const trimmed = query.trim();
    const searchable = isSearchableQuery(trimmed);
    setTooShort(!searchable);
    if (searchable) onSearch(trimmed);
  }

  return (
    <search className="subject-search">
      <form onSubmit={submit} noValidate>
        <label htmlFor={inputId} className="subject-search-label">
          {t('search.label')}
        </label>
        <Space.Compact block>
          <Input
            id={inputId}
            size="large"
            value={query}
            placeholder={t('search.placeholder')}
            prefix={<SearchOutlined aria-hidden />}
            allowClear
            autoFocus={autoFocus}
            autoComplete="off"
            maxLength={maxQueryLength}
            enterKeyHint="search"
            status={tooShort ? 'error' : undefined}
            aria-invalid={tooShort}
            aria-describedby={tooShort ? messageId : undefined}
            onChange={(event) => {
              setQuery(event.target.value);
              if (tooShort && isSearchableQuery(event.target.value)) setTooShort(false);
            }}
          />
          <Button type="primary" size="large" htmlType="submit">
            {t('search.submit')}
          </Button>
        </Space.Compact>
        {tooShort && (
          <div id={messageId} role="alert" className="subject-search-message">
            {t('search.tooShort', { min: minQueryLength })}
          </div>
        )}
      </form>
    </search>
  );
}
