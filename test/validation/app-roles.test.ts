/**
 * The app model behind the trust-cycle checks: one walk of the construct tree per synthesis,
 * whatever the number of roles (a guard against a per-role search coming back; not a timing).
 */
import { Stack, Tokenization } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Node } from 'constructs';
import { checkedApp, findingMessages } from './validation-support';
import { AssumableRole, CrossAccountRole, IrsaRole, OidcIssuer, ServiceRole, Trust } from '../../src';
import { CHECKING } from '../../src/validation/stack-checkpoint';
import { newApp, newStack } from '../support/stacks';

function readPolicy(): iam.PolicyDocument {
  return new iam.PolicyDocument({ statements: [new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: ['arn:aws:s3:::reports/*'] })] });
}

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

describe('checking resolves nothing again (a guard that is not a timing)', () => {
  /**
   * Resolutions made during one synthesis of `roles` roles (a quarter each of four kinds, one
   * of them without a guard so that a check reports), with the checks on or skipped.
   */
  function resolutions(roles: number, checks: boolean): { stack: number; tokenization: number; findings: number } {
    const app = newApp();
    const stack = newStack({ id: 'Ops', app, env: { account: ACCOUNT, region: 'us-east-1' } });
    for (let i = 0; i < roles; i++) {
      switch (i % 4) {
        case 0: new ServiceRole(stack, `R${i}`, { services: ['lambda'], inlinePolicies: { Read: readPolicy() } }); break;
        case 1: new CrossAccountRole(stack, `R${i}`, { trustedAccounts: ['111122223333'] }); break;
        case 2: new IrsaRole(stack, `R${i}`, { issuers: [OidcIssuer.fromIssuerUrl('https://oidc.eks.us-east-1.amazonaws.com/id/EXAMPLE')], serviceAccounts: ['default:app'] }); break;
        default: new AssumableRole(stack, `R${i}`, { trust: [Trust.account('444455556666').withExternalId('ops-1')] });
      }
    }
    const stackResolve = jest.spyOn(Stack.prototype, 'resolve');
    const tokenizationResolve = jest.spyOn(Tokenization, 'resolve');
    CHECKING.disabled = !checks;
    try {
      const assembly = app.synth();
      const findings = assembly.getStackByName(stack.stackName).messages.filter((m) => String(m.entry.data).includes('CrossAccountWithoutGuard')).length;
      return { stack: stackResolve.mock.calls.length, tokenization: tokenizationResolve.mock.calls.length, findings };
    } finally {
      CHECKING.disabled = false;
      stackResolve.mockRestore();
      tokenizationResolve.mockRestore();
    }
  }

  test('the checks resolve no property of a role again, principal values once per stack', () => {
    const extra = (roles: number) => {
      const on = resolutions(roles, true);
      const off = resolutions(roles, false);
      // The checks ran: every role without a guard is reported, and none when they are skipped.
      expect(on.findings).toBe(roles / 4);
      expect(off.findings).toBe(0);
      return { stack: on.stack - off.stack, tokenization: on.tokenization - off.tokenization };
    };
    const small = extra(20);
    const large = extra(80);
    // The roles' properties (trust policy, inline policies, managed policy ARNs) are read as CDK
    // resolved them for the template, never resolved again; the trust graph resolves each
    // distinct principal value once per stack (here: two account roots with a partition token),
    // and the roles' names only when a trust policy names a role by name (none here). Resolving
    // documents again per role, per check or per limit would exceed these. Written with 25 and
    // 100 Stack.resolve calls, then 40 and 160 (inline policies and managed policy ARNs resolved
    // again per role).
    expect(small.stack).toBe(0);
    expect(large.stack).toBe(0);
    expect(small.tokenization).toBe(2);
    expect(large.tokenization).toBe(2);
  });
});
