/** Names of the churn signals, as lists and the report show them (one list of names, in signal-evidence.ts). */
import type { SignalCode } from '../analytics/churn/churn-signals.js';
import type { Lang } from './i18n.js';
import { signalName } from './signal-evidence.js';

export function signalLabel(code: SignalCode, lang: Lang): string {
  return signalName(code, lang);
}
