import { describe, expect, it } from 'vitest';
import { maskEmail, maskName, maskPhone } from './masking.js';

describe('masking personal data', () => {
  it('phones: mobile 139****5678, others their last four', () => {
    expect(maskPhone('13912345678')).toBe('139****5678');
    expect(maskPhone('+86 139-1234-5678')).toBe('139****5678');
    expect(maskPhone('021-6234 5678')).toBe('****5678');
    expect(maskPhone('110')).toBe('***');
    expect(maskPhone('')).toBe('****');
    expect(maskPhone(null)).toBeNull();
  });

  it('e-mails keep the first character and the domain', () => {
    expect(maskEmail('zhangwei@qq.com')).toBe('z***@qq.com');
    expect(maskEmail('王伟@公司.cn')).toBe('王***@公司.cn');
    expect(maskEmail('not-an-address')).toBe('***');
  });

  it('names keep the family name', () => {
    expect(maskName('张伟')).toBe('张*');
    expect(maskName('欧阳娜娜')).toBe('欧**');
    expect(maskName('Li')).toBe('L*');
    expect(maskName('王')).toBe('*');
  });
});
