import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { transcodeMixedLines } from './transcode-mixed-lines.js';

describe('transcodeMixedLines', () => {
  it('reads each line as UTF-8 when it is valid UTF-8, else as GB18030, a broken GB line spoiling no other', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mixed-'));
    const src = path.join(dir, 'in.csv');
    const gb = (s: string) => iconv.encode(s, 'gb18030');
    // A GB line cut inside a character (a lead byte before the line end), then whole GB lines:
    // the cut must not swallow the next line's first character.
    const lines = [Buffer.from('编号,名称\n'), Buffer.concat([gb('客户甲'), Buffer.from([0x81, 0x0a])]), gb('订单乙,华东\n'), Buffer.from('plain,ascii\n'), gb('€ 欧元\r\n'), Buffer.concat([gb('末行'), Buffer.from([0x81])])];
    writeFileSync(src, Buffer.concat(lines));
    const dest = path.join(dir, 'out.csv');
    const r = await transcodeMixedLines(src, dest);
    const text = readFileSync(dest, 'utf8').split('\n');
    expect(text[0]).toBe('编号,名称');
    expect(text[1]).toMatch(/^客户甲.$/u);
    expect(text[2]).toBe('订单乙,华东');
    expect(text[3]).toBe('plain,ascii');
    expect(text[4]).toBe('€ 欧元\r');
    // The file ends inside a character: flushed as a replacement, not dropped.
    expect(text[5]).toMatch(/^末行.$/u);
    expect(r).toEqual({ utf8Lines: 1, gbLines: 4, nulBytes: 0 });
  });
});
