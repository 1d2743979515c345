/**
 * Personal data shown masked: 139****5678, z***@qq.com, 张*. Pure, so every
 * output (report, export, API, logs) masks the same way.
 */

/** Mainland mobile numbers keep the first 3 and last 4 digits; other numbers their last 4. */
export function maskPhone(phone: string | null): string | null {
  if (phone === null) return null;
  const all = phone.replace(/\D/g, '');
  // +86 / 0086 country code in front of a mobile number.
  const digits = /^(0086|86)1\d{10}$/.test(all) ? all.slice(all.length - 11) : all;
  if (digits.length === 0) return '****';
  if (digits.length === 11 && digits.startsWith('1')) return `${digits.slice(0, 3)}****${digits.slice(7)}`;
  if (digits.length <= 4) return '*'.repeat(digits.length);
  return `${'*'.repeat(Math.min(4, digits.length - 4))}${digits.slice(-4)}`;
}

export function maskEmail(email: string | null): string | null {
  if (email === null) return null;
  const at = email.indexOf('@');
  if (at <= 0) return '***';
  return `${[...email.slice(0, at)][0]}***${email.slice(at)}`;
}

/** The first character (the family name for Chinese names, the initial otherwise) and a star per remaining one, at most two. */
export function maskName(name: string | null): string | null {
  if (name === null) return null;
  const chars = [...name.trim()];
  if (chars.length === 0) return '';
  if (chars.length === 1) return '*';
  return `${chars[0]}${'*'.repeat(Math.min(2, chars.length - 1))}`;
}

/**
 * Free text that may hold contact details (a quarantined row's raw cells, a
 * note): phone numbers and e-mail addresses inside it are masked, the rest kept.
 */
export function maskContactsIn(text: string | null): string | null {
  if (text === null) return null;
  return text
    .replace(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, (m) => maskEmail(m)!)
    .replace(/(?<!\d)(?:\+?86[- ]?)?1\d{2}[- ]?\d{4}[- ]?\d{4}(?!\d)/g, (m) => maskPhone(m)!)
    .replace(/(?<!\d)0\d{2,3}-\d{7,8}(?!\d)/g, (m) => maskPhone(m)!);
}
