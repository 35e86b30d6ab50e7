import { ApiError, answerError, type BatchOutcome, csrfHeader, query } from '../../api.ts';

export interface Upload {
  item: string;
  file: File;
  /** The batch whose returned rows the file fixes. */
  resubmits?: number;
  /** Called as the file is sent, with the share sent so far (0–1). */
  onProgress(sent: number): void;
  signal?: AbortSignal;
}

/**
 * POST /api/v1/collection/uploads with the CSV or XLSX file as the body. XMLHttpRequest, not fetch: only it
 * reports how much of the body has been sent, and a provider's file can take minutes.
 */
export function uploadBatch({ item, file, resubmits, onProgress, signal }: Upload): Promise<BatchOutcome> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/v1/collection/uploads?${query({ item, fileName: file.name, resubmits })}`);
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.setRequestHeader('Accept', 'application/json');
    for (const [name, value] of Object.entries(csrfHeader())) xhr.setRequestHeader(name, value);
    xhr.responseType = 'json';
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      const answer: unknown = xhr.response;
      if (xhr.status >= 200 && xhr.status < 300 && answer !== null) {
        // The server validates its responses against the published schemas.
        resolve(answer as BatchOutcome);
      } else {
        reject(answerError(xhr.status, xhr.statusText, answer));
      }
    };
    xhr.onerror = () => reject(new ApiError(0, 'network error'));
    xhr.onabort = () => reject(new DOMException('upload aborted', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(file);
  });
}
