import { describe, expect, it } from 'vitest';
import { failureOf, formHref, openForm, withoutParams } from './page-url';

const url = (query: string) => new URL(`http://localhost/organizations/280001/participants/5${query}`);

describe('page-url', () => {
  it('closes forms and drops the action, keeping the page’s own state', () => {
    expect(withoutParams(url('?form=PUPIL_PUPIL&confirm=7&pairForm=PUPIL_PUPIL&/confirmPair'))).toBe(
      '/organizations/280001/participants/5?form=PUPIL_PUPIL',
    );
    expect(withoutParams(url('?edit=1'), undefined, '#consents')).toBe(
      '/organizations/280001/participants/5#consents',
    );
  });

  it('opens one form at a time', () => {
    expect(formHref(url('?edit=1&sort=name'), 'revoke', '12', '#revoke-form')).toBe(
      '/organizations/280001/participants/5?sort=name&revoke=12#revoke-form',
    );
    expect(openForm(new URLSearchParams('sort=name&revoke=12'))).toEqual({ param: 'revoke', value: '12' });
    expect(openForm(new URLSearchParams('sort=name'))).toBeNull();
  });

  it('gives a refusal to the form it came from only', () => {
    const refusal = { action: 'revoke', subject: '12', values: {}, errors: {}, message: 'нет' };
    expect(failureOf(refusal, 'revoke', '12')).toBe(refusal);
    expect(failureOf(refusal, 'revoke', '13')).toBeNull();
    expect(failureOf({ report: {} }, 'revoke', '12')).toBeNull();
  });
});
