import { describe, expect, it } from 'vitest';
import { formatProblem, InputError } from '../src/errors.js';

describe('errors', () => {
  it('formats a problem with field, value and rule', () => {
    expect(
      formatProblem({ field: 'net_config.kubeapi_vlan', value: 5000, rule: 'must be a VLAN id from 1 to 4094', at: 'cfg.yaml:3:5' }),
    ).toBe('cfg.yaml:3:5: net_config.kubeapi_vlan = 5000: must be a VLAN id from 1 to 4094');
    expect(new InputError([{ field: 'a', rule: 'r' }]).message).toBe('a: r');
  });
});
