import { describe, expect, it } from 'vitest';
import { closestName, didYouMean, editDistance } from './closest-name.js';

describe('closestName', () => {
  it('finds a slip of the keyboard, case aside, the nearest first', () => {
    expect(closestName('custmer_id', ['customer_name', 'customer_id'])).toBe('customer_id');
    expect(closestName('Order_Date', ['order_id', 'order_date'])).toBe('order_date');
    expect(closestName('amout', ['amount', 'paid_amount'])).toBe('amount');
  });

  it('guesses nothing when nothing is close', () => {
    expect(closestName('colour', ['customer_id', 'cost', 'city'])).toBeUndefined();
    expect(closestName('ab', ['id'])).toBeUndefined();
    expect(closestName('x', [])).toBeUndefined();
  });

  it('counts edits', () => {
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('客户编号', '客户代号')).toBe(1);
    expect(editDistance('same', 'same')).toBe(0);
  });
});

describe('didYouMean', () => {
  it('asks in the user\'s language', () => {
    expect(didYouMean('customer_id', 'en')).toBe('did you mean customer_id?');
    expect(didYouMean('customer_id', 'zh-CN')).toBe('是否想写 customer_id？');
  });
});
