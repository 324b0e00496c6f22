// Contact links as the escalation and customer pages write them.
import { describe, expect, it } from 'vitest';
import { mailHref, phoneHref } from '../../src/site/urls.ts';

describe('contact links', () => {
  it('keeps digits and a leading + in tel: links', () => {
    expect(phoneHref('+1 555 0100')).toBe('tel:+15550100');
    expect(phoneHref('+44 (0)20 7946-0018 ext. 4')).toBe('tel:+44020794600184');
    expect(phoneHref('0800 123 456')).toBe('tel:0800123456');
  });

  it('links e-mail with mailto:', () => {
    expect(mailHref('ops@example.org')).toBe('mailto:ops@example.org');
  });
});
