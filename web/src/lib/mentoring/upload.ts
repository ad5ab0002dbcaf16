/** What came back from a form post sent with progress. */
export interface UploadResponse {
  status: number;
  body: string;
  /** A SvelteKit action result (JSON), as opposed to a plain error page of the server in front. */
  isActionResult: boolean;
}

/**
 * Posts a form to a SvelteKit form action with XMLHttpRequest, because `fetch` reports no upload
 * progress. The headers make SvelteKit answer as it answers `use:enhance` (a serialized action
 * result); `onSent` fires when the last byte has left, i.e. when the server starts working.
 */
export function postWithProgress(
  url: string,
  body: FormData,
  handlers: { onProgress: (loaded: number, total: number) => void; onSent: () => void },
): Promise<UploadResponse> {
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open('POST', url);
    request.setRequestHeader('accept', 'application/json');
    request.setRequestHeader('x-sveltekit-action', 'true');
    request.upload.addEventListener('progress', (event) =>
      handlers.onProgress(event.loaded, event.lengthComputable ? event.total : 0),
    );
    request.upload.addEventListener('load', () => handlers.onSent());
    request.addEventListener('load', () =>
      resolve({
        status: request.status,
        body: request.responseText,
        isActionResult: (request.getResponseHeader('content-type') ?? '').includes('application/json'),
      }),
    );
    request.addEventListener('error', () => resolve({ status: 0, body: '', isActionResult: false }));
    request.send(body);
  });
}
