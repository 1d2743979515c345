/**
 * Expected problems of an API call, as values with a code: the one error
 * translator (error-translator.ts) turns them into {code, message} in the caller's
 * language with the right status. Anything else is a bug and becomes a 500.
 */
import type { ServerKey } from '../i18n/server-messages.js';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ServerKey,
    readonly params: Readonly<Record<string, string | number>> = {},
    readonly details?: readonly { readonly field: string; readonly problem: string }[],
  ) {
    super(code);
    this.name = 'ApiError';
  }
}
