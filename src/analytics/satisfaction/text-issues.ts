/**
 * The issues customers raise most, from free text (complaints, NPS
 * comments): words from Intl.Segmenter (Chinese word breaking, English
 * words), minus stop words, plus adjacent word pairs, counted once per text.
 * A word that mostly appears inside a listed pair is not listed again.
 * Pure: the texts come in, the ranked terms with example texts go out.
 */

export interface TextIssue {
  readonly term: string;
  /** Texts containing the term. */
  readonly texts: number;
  readonly share: number;
  readonly examples: readonly string[];
}

export interface TextIssueOptions {
  readonly limit: number;
  /** A term must appear in at least this many texts. */
  readonly minTexts: number;
  readonly stopWords: ReadonlySet<string>;
  readonly examples: number;
}

/** Function words and the words every complaint contains (客户, 反映, 要求 …), in Chinese and English. */
export const defaultStopWords: readonly string[] = [
  '的', '了', '和', '是', '在', '也', '都', '就', '与', '及', '等', '对', '把', '被', '让', '给', '又', '还', '很', '非常', '比较',
  '我们', '你们', '他们', '我司', '贵司', '公司', '客户', '这个', '那个', '一个', '一些', '没有', '还是', '已经', '因为', '所以',
  '但是', '如果', '可以', '需要', '希望', '要求', '请', '反映', '反馈', '投诉', '表示', '来电', '邮件', '认为', '发现', '出现',
  '目前', '现在', '之后', '以后', '以及', '进行', '相关', '情况', '问题', '尽快', '多次', '仍', '一直', '部门', '称',
  'the', 'a', 'an', 'and', 'or', 'of', 'to', 'is', 'are', 'was', 'were', 'in', 'on', 'at', 'it', 'for', 'with', 'not', 'this',
  'that', 'i', 'we', 'you', 'my', 'our', 'they', 'be', 'have', 'has', 'had', 'but', 'so', 'very', 'from', 'by', 'as',
];

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
const hasLetter = /[\p{L}]/u;
const cjk = /\p{Script=Han}/u;

/**
 * The words of one text worth counting, in order (null where a stop word or
 * punctuation broke the run). The word breaker does not know trade words
 * (到货, 交期), so runs of single Han characters are joined into one word.
 */
export function textWords(text: string, stopWords: ReadonlySet<string>): (string | null)[] {
  const out: (string | null)[] = [];
  let run = '';
  const flush = () => {
    if (run.length >= 2) out.push(run);
    else if (run !== '') out.push(null);
    run = '';
  };
  for (const s of segmenter.segment(text.toLowerCase())) {
    const w = s.segment.trim();
    if (w === '') continue;
    const word = s.isWordLike === true && hasLetter.test(w) && !stopWords.has(w);
    if (word && w.length === 1 && cjk.test(w) && run.length < 4) {
      run += w;
      continue;
    }
    flush();
    out.push(word && (w.length >= 2 || !cjk.test(w)) ? w : null);
  }
  flush();
  return out;
}

function termsOf(words: readonly (string | null)[]): Set<string> {
  const terms = new Set<string>();
  words.forEach((w, i) => {
    if (w === null) return;
    terms.add(w);
    const next = words[i + 1];
    if (next !== null && next !== undefined) terms.add(cjk.test(w + next) ? w + next : `${w} ${next}`);
  });
  return terms;
}

export function topIssues(texts: readonly string[], o: TextIssueOptions): TextIssue[] {
  const docs = new Map<string, number[]>();
  const pairs = new Map<string, [string, string]>();
  texts.forEach((text, t) => {
    const words = textWords(text, o.stopWords);
    for (const term of termsOf(words)) docs.set(term, [...(docs.get(term) ?? []), t]);
    words.forEach((w, i) => {
      const next = words[i + 1];
      if (w !== null && next !== null && next !== undefined) pairs.set(cjk.test(w + next) ? w + next : `${w} ${next}`, [w, next]);
    });
  });
  // Ties: pairs before their words, so the word can be recognised as covered.
  const ranked = [...docs].filter(([, d]) => d.length >= o.minTexts).sort((a, b) => b[1].length - a[1].length || b[0].length - a[0].length || (a[0] < b[0] ? -1 : 1));
  const covers = (pair: string, pairTexts: number, word: string, wordTexts: number) => pairs.get(pair)?.includes(word) === true && pairTexts >= 0.6 * wordTexts;
  let chosen: [string, number[]][] = [];
  for (const [term, d] of ranked) {
    if (chosen.length >= o.limit) break;
    // A word that mostly appears inside a listed pair adds nothing: list the pair only.
    if (chosen.some(([c, cd]) => covers(c, cd.length, term, d.length))) continue;
    chosen = chosen.filter(([c, cd]) => !covers(term, d.length, c, cd.length));
    chosen.push([term, d]);
  }
  return chosen.map(([term, d]) => ({
    term,
    texts: d.length,
    share: d.length / texts.length,
    examples: d.slice(0, o.examples).map((i) => texts[i]!),
  }));
}
