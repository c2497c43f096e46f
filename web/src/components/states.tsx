import type { ComponentChildren } from 'preact';

export const Loading = ({ what }: { what: string }) => (
  <p class="notice" role="status">
    Loading {what}…
  </p>
);

export const Empty = ({ children }: { children: ComponentChildren }) => <p class="notice empty">{children}</p>;

export const ErrorNotice = ({ message, onRetry }: { message: string; onRetry?: () => void }) => (
  <div class="error" role="alert">
    <p>{message}</p>
    {onRetry && (
      <button type="button" onClick={onRetry}>
        Try again
      </button>
    )}
  </div>
);

/** What an action said: its success (a status) or its failure (an alert). */
export const Feedback = ({ done, error }: { done?: string; error?: string }) => (
  <>
    {done && <p role="status">{done}</p>}
    {error && (
      <p role="alert" class="inline-error">
        {error}
      </p>
    )}
  </>
);
