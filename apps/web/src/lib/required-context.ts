import { createContext, useContext } from 'react';

/**
 * A context that only means something under its provider: its hook throws `misuse` (where it belongs) outside it,
 * rather than hand every reader a null to check. Returns the context (for its Provider) and that hook.
 */
export function requiredContext<T>(misuse: string) {
  const context = createContext<T | null>(null);
  const useRequired = (): T => {
    const value = useContext(context);
    if (!value) throw new Error(misuse);
    return value;
  };
  return [context, useRequired] as const;
}
