import { useRef } from 'preact/hooks';

/**
 * One Idempotency-Key per request body (docs/api.md): resending the same body (after a timeout)
 * reuses its key, so it can never make two; a changed body gets a new key.
 */
export function useIdempotencyKeys(): (body: unknown) => string {
  const keys = useRef(new Map<string, string>());
  return (body) => {
    const text = JSON.stringify(body);
    let key = keys.current.get(text);
    if (!key) keys.current.set(text, (key = crypto.randomUUID()));
    return key;
  };
}
