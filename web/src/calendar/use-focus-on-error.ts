// Moves focus to an error message when it appears, so it is read out and seen (as the sign-in form does).
import { useEffect, useRef } from 'react';

export function useFocusOnError<T extends HTMLElement>(error: unknown) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (error) ref.current?.focus();
  }, [error]);
  return ref;
}
