/**
 * The app model behind the trust-cycle checks: one walk of the construct tree per synthesis,
 * whatever the number of roles (a guard against a per-role search coming back; not a timing).
 */
import { Node } from 'constructs';
import { checkedApp, findingMessages } from './validation-support';
import { AssumableRole, Trust } from '../../src';
import { newStack } from '../support/stacks';

const ACCOUNT = '123456789012';

describe('the trust graph is built once per synthesis', () => {
  test('the construct tree is walked a fixed number of times, not once per role', () => {
    const app = checkedApp();
    const stack = newStack({ id: 'Ops', app, env: { account: ACCOUNT, region: 'us-east-1' } });
    for (let i = 0; i < 60; i++) {
      new AssumableRole(stack, `R${i}`, { roleName: `r${i}`, trust: [Trust.role(`arn:{partition}:iam::{account}:role/r${(i + 1) % 60}`)] });
    }
    const findAll = jest.spyOn(Node.prototype, 'findAll');
    try {
      app.synth();
      // One walk of the whole app builds the model (checked at 1 when written); a search per
      // role, of the app or of its stack, would make it 60 or more.
      expect(findAll.mock.calls.length).toBeLessThanOrEqual(3);
      expect(findingMessages(stack, 'TrustCycle', 'warning')).toHaveLength(60);
    } finally {
      findAll.mockRestore();
    }
  });
});
