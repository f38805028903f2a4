// One key per distinct save request: a double click or a retry of the same request reuses the key (the
// server answers it once); any change to the request gets a fresh key. Uses getRandomValues, which
// (unlike randomUUID) also exists on plain-http intranet addresses.
import { useCallback, useRef } from 'react';

export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `web-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

export function useIdempotencyKey(): (request: string) => string {
  const current = useRef<{ request: string; key: string } | null>(null);
  return useCallback((request: string) => {
    if (current.current?.request !== request) current.current = { request, key: newIdempotencyKey() };
    return current.current.key;
  }, []);
}
