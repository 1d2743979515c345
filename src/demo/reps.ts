/**
 * A公司's sales force: 24 reps in six regional teams. Each team lead is also
 * a rep with customers; the 华东一组 lead is the sales director the other
 * leads report to. Two reps joined in the final year and only hold accounts
 * opened after they arrived.
 */
import { addMonths, dayOfYmd, type Day } from './day.js';
import { mobileNumber, personName } from './chinese-names.js';
import type { Rng } from '../domain/rng.js';

export type TeamName = '华东一组' | '华东二组' | '华北组' | '华南组' | '华中组' | '西南组';

export interface Rep {
  readonly index: number;
  readonly id: string;
  readonly name: string;
  readonly team: TeamName;
  readonly region: string;
  readonly manager: string | null;
  readonly hireDay: Day;
  readonly email: string;
  readonly phone: string;
  readonly status: '在职';
  readonly isLead: boolean;
  readonly newHire: boolean;
  /** Latent: scales win rate and the growth of the rep's accounts (1 = average). */
  readonly skill: number;
  /** Latent: scales how often the rep contacts customers. */
  readonly activity: number;
  /** Relative share of the region's accounts the rep takes. */
  readonly load: number;
}

/** Team, and the region of each of its members (the lead first). */
const roster: readonly [TeamName, readonly string[]][] = [
  ['华东一组', ['华东', '华东', '华东', '华东', '华东']],
  ['华东二组', ['华东', '华东', '华东', '华东', '华东']],
  ['华北组', ['华北', '华北', '华北', '东北']],
  ['华南组', ['华南', '华南', '华南', '华南']],
  ['华中组', ['华中', '华中', '华中']],
  ['西南组', ['西南', '西南', '西北']],
];

/** 华东 is split between two teams by province; every other region has one team. */
export function teamOfProvince(region: string, provinceShort: string): TeamName {
  switch (region) {
    case '华东':
      return provinceShort === '上海' || provinceShort === '江苏' ? '华东一组' : '华东二组';
    case '华北':
    case '东北':
      return '华北组';
    case '华南':
      return '华南组';
    case '华中':
      return '华中组';
    default:
      return '西南组';
  }
}

export interface RepPlan {
  readonly reps: readonly Rep[];
  readonly best: Rep;
  readonly worst: Rep;
}

export function generateReps(rng: Rng, windowStart: Day, windowEnd: Day): RepPlan {
  const names = new Set<string>();
  const emails = new Set<string>();
  const drafts: Omit<Rep, 'skill' | 'activity' | 'manager' | 'index' | 'newHire' | 'hireDay'>[] = [];
  let serial = 1001;
  for (const [team, regions] of roster) {
    regions.forEach((region, i) => {
      let person = personName(rng);
      while (names.has(person.name)) person = personName(rng);
      names.add(person.name);
      let email = person.pinyin;
      for (let n = 2; emails.has(email); n++) email = `${person.pinyin}${n}`;
      emails.add(email);
      drafts.push({
        id: `E${serial++}`,
        name: person.name,
        team,
        region,
        email: `${email}@a-auto.com.cn`,
        phone: mobileNumber(rng),
        status: '在职',
        isLead: i === 0,
        load: i === 0 ? (team === '华东一组' ? 0.4 : 0.6) : 1,
      });
    });
  }
  const director = drafts[0]!;
  const leadOf = new Map(drafts.filter((d) => d.isLead).map((d) => [d.team, d.name]));
  // The last member of 华东二组 and of 华南组 joined during the final year.
  const newHireIds = new Set([drafts.filter((d) => d.team === '华东二组').at(-1)!.id, drafts.filter((d) => d.team === '华南组').at(-1)!.id]);
  // Best and worst come from the busiest territories, where a book is large enough for skill to show through chance.
  const established = drafts.filter((d) => !d.isLead && !newHireIds.has(d.id) && ['华东一组', '华东二组', '华南组'].includes(d.team));
  const [best, worst] = rng.sample(established, 2);

  const reps: Rep[] = drafts.map((d, index) => {
    const newHire = newHireIds.has(d.id);
    const skill = d.id === best?.id ? 1.5 : d.id === worst?.id ? 0.6 : clamp(rng.normal(1, 0.1), 0.82, 1.18);
    const activity = d.id === best?.id ? 1.45 : d.id === worst?.id ? 0.6 : clamp(0.6 * skill + 0.4 * rng.normal(1, 0.2), 0.75, 1.3);
    const hireDay = newHire
      ? addMonths(windowEnd, newHireIds.size === 2 && d.team === '华南组' ? -8 : -10) + rng.int(0, 20)
      : Math.min(windowStart - 180, dayOfYmd(d.isLead ? rng.int(2010, 2016) : rng.int(2013, 2022), rng.int(1, 12), rng.int(1, 28)));
    return {
      ...d,
      index,
      manager: d.isLead ? (d === director ? null : director.name) : leadOf.get(d.team) ?? null,
      hireDay,
      newHire,
      skill,
      activity,
    };
  });
  return { reps, best: reps.find((r) => r.id === best?.id)!, worst: reps.find((r) => r.id === worst?.id)! };
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}
