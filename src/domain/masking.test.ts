import { describe, expect, it } from 'vitest';
import { maskContactsIn, maskEmail, maskName, maskPhone } from './masking.js';

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

describe('contacts inside free text', () => {
  it('masks phone numbers and e-mail addresses and keeps the rest', () => {
    expect(maskContactsIn('张伟 13912345678 zhangwei@qq.com')).toBe('张伟 139****5678 z***@qq.com');
    expect(maskContactsIn('电话：+86 139-1234-5678，座机 021-62345678')).toBe('电话：139****5678，座机 ****5678');
    expect(maskContactsIn('订单 SO202401010001 金额 12345678901234')).toBe('订单 SO202401010001 金额 12345678901234');
    expect(maskContactsIn(null)).toBeNull();
  });
});
