/**
 * The name a user most likely meant, for "did you mean …?" in every edge's
 * wording (mapping files, HTTP bodies and queries, settings files).
 */
import { format, type Lang } from './i18n.js';

const didYouMeanText = { en: 'did you mean {name}?', 'zh-CN': '是否想写 {name}？' } as const;

/** "did you mean …?" in `lang`, for a name already chosen by closestName. */
export function didYouMean(name: string, lang: Lang): string {
  return format(didYouMeanText[lang], { name });
}

/**
 * The candidate a slip of the keyboard away from `name` (about one edit in
 * three letters, case aside), the nearest and then the first; none when
 * nothing is that close, for a guess far off misleads more than a list helps.
 */
export function closestName(name: string, candidates: readonly string[]): string | undefined {
  const limit = Math.max(1, Math.floor([...name].length / 3));
  let best: { name: string; distance: number } | undefined;
  for (const c of candidates) {
    const distance = editDistance(name.toLowerCase(), c.toLowerCase());
    if (distance <= limit && (best === undefined || distance < best.distance)) best = { name: c, distance };
  }
  return best?.name;
}

/** Levenshtein distance: insertions, deletions and substitutions of one character each. */
export function editDistance(a: string, b: string): number {
  const [as, bs] = [[...a], [...b]];
  let previous = Array.from({ length: bs.length + 1 }, (_, j) => j);
  for (let i = 1; i <= as.length; i++) {
    const row = [i];
    for (let j = 1; j <= bs.length; j++) {
      row.push(Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (as[i - 1] === bs[j - 1] ? 0 : 1)));
    }
    previous = row;
  }
  return previous[bs.length]!;
}
