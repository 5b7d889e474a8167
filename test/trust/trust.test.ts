import { Duration } from 'aws-cdk-lib';
import * as fc from 'fast-check';
import { deployedStatements, deployedStatementsOf, ROLE_PATH, roleTrusting } from './trust-fixtures';
import { AssumableRole, OidcIssuer, Trust, TrustRelationship } from '../../src';
import { newStack } from '../support/stacks';

const ACCOUNT_A = '111122223333';
const ACCOUNT_B = '444455556666';
const EKS = OidcIssuer.fromIssuerUrl('https://oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE');

function rootOf(account: string): string {
  return `arn:aws:iam::${account}:root`;
}

describe('trust values are immutable', () => {
  test('withExternalId returns a new value and leaves the original without the condition', () => {
    const base = Trust.account(ACCOUNT_A);
    const guarded = base.withExternalId('partner-1234');
    expect(guarded).not.toBe(base);
    // Read-only fields, but extensible: jsii must tag the object to hand it to Python.
    expect(() => { (guarded as any)._externalIds = []; }).toThrow(TypeError);
    expect(Object.isExtensible(guarded)).toBe(true);
    expect(deployedStatements([base])).toEqual([{ Effect: 'Allow', Principal: { AWS: rootOf(ACCOUNT_A) }, Action: 'sts:AssumeRole' }]);
    expect(deployedStatements([guarded])).toEqual([{
      Effect: 'Allow',
      Principal: { AWS: rootOf(ACCOUNT_A) },
      Action: 'sts:AssumeRole',
      Condition: { StringEquals: { 'sts:ExternalId': 'partner-1234' } },
    }]);
  });

  test('a value straight from a factory is read-only too, and its copies keep their own fields', () => {
    const made = [
      Trust.account(ACCOUNT_A), Trust.service('lambda'), Trust.organization('o-abcdefghij'),
      Trust.githubActions({ repository: 'my-org/my-repo', branches: ['main'] }),
      Trust.saml(`arn:aws:iam::${ACCOUNT_A}:saml-provider/Corp`),
    ];
    for (const value of made) {
      expect(() => { (value as any)._problems = ['changed']; }).toThrow(TypeError);
      expect(() => { (value as any)._extraActions = []; }).toThrow(TypeError);
      expect(Object.isExtensible(value)).toBe(true);
    }
    const base = Trust.account(ACCOUNT_A);
    const tagged = base.withSessionTags();
    expect(base._extraActions).toEqual([]);
    expect(tagged._extraActions).toEqual(['sts:TagSession']);
    expect(tagged).not.toEqual(base);
    expect(Trust.account(ACCOUNT_A).withSessionTags()).toEqual(tagged);
  });

  test('chain methods never change the receiver', () => {
    const base = Trust.account(ACCOUNT_A);
    base.requireMfa(Duration.hours(1));
    base.withinOrganization('o-a1b2c3d4e5');
    base.withPrincipalArn('arn:aws:iam::111122223333:role/*');
    base.withSessionTags();
    base.withSourceIdentity();
    base.withCondition('StringEquals', 'aws:PrincipalTag/team', ['ops']);
    const service = Trust.service('lambda');
    service.withSourceAccount();
    service.withSourceArn('arn:aws:lambda:us-east-1:111122223333:function:f');
    const oidc = Trust.eksServiceAccount(EKS, 'app', 'api');
    oidc.withAudiences(['other']);
    expect(deployedStatements([base, service, oidc])).toEqual(deployedStatements([
      Trust.account(ACCOUNT_A), Trust.service('lambda'), Trust.eksServiceAccount(EKS, 'app', 'api'),
    ]));
  });

  test('an invalid derived value does not taint its valid original', () => {
    const base = Trust.account(ACCOUNT_A);
    base.withExternalId('x');
    expect(() => roleTrusting([base])).not.toThrow();
  });

  test('one value can be shared by two roles', () => {
    const shared = Trust.account(ACCOUNT_A).withExternalId('partner-1234');
    const stack = newStack();
    const first = new AssumableRole(stack, 'First', { trust: [shared] });
    const second = new AssumableRole(stack, 'Second', { trust: [shared] });
    expect(deployedStatementsOf(first)).toEqual(deployedStatementsOf(second));
    expect(deployedStatementsOf(first)).toHaveLength(1);
  });
});

describe('conditions never leak between relationships', () => {
  test('MFA on an account does not reach a service of the same role', () => {
    expect(deployedStatements([Trust.service('lambda'), Trust.account(ACCOUNT_A).requireMfa()])).toEqual([
      { Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' },
      {
        Effect: 'Allow',
        Principal: { AWS: rootOf(ACCOUNT_A) },
        Action: 'sts:AssumeRole',
        Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
      },
    ]);
  });

  test('a source account on a service does not reach an account', () => {
    expect(deployedStatements([Trust.account(ACCOUNT_A), Trust.service('events').withSourceAccount()])).toEqual([
      { Effect: 'Allow', Principal: { AWS: rootOf(ACCOUNT_A) }, Action: 'sts:AssumeRole' },
      {
        Effect: 'Allow',
        Principal: { Service: 'events.amazonaws.com' },
        Action: 'sts:AssumeRole',
        Condition: { StringEquals: { 'aws:SourceAccount': '123456789012' } },
      },
    ]);
  });

  test('session tags of one relationship are not granted to another', () => {
    expect(deployedStatements([Trust.account(ACCOUNT_A).withSessionTags(), Trust.account(ACCOUNT_B)])).toEqual([
      { Effect: 'Allow', Principal: { AWS: rootOf(ACCOUNT_A) }, Action: ['sts:AssumeRole', 'sts:TagSession'] },
      { Effect: 'Allow', Principal: { AWS: rootOf(ACCOUNT_B) }, Action: 'sts:AssumeRole' },
    ]);
  });
});

describe('statements merge only when actions and conditions are identical', () => {
  test('two accounts with the same ExternalId share one statement', () => {
    expect(deployedStatements([Trust.account(ACCOUNT_A).withExternalId('shared-id'), Trust.account(ACCOUNT_B).withExternalId('shared-id')])).toEqual([{
      Effect: 'Allow',
      Principal: { AWS: [rootOf(ACCOUNT_A), rootOf(ACCOUNT_B)] },
      Action: 'sts:AssumeRole',
      Condition: { StringEquals: { 'sts:ExternalId': 'shared-id' } },
    }]);
  });

  test('two accounts with different ExternalIds stay apart', () => {
    expect(deployedStatements([Trust.account(ACCOUNT_A).withExternalId('id-for-a'), Trust.account(ACCOUNT_B).withExternalId('id-for-b')])).toEqual([
      {
        Effect: 'Allow',
        Principal: { AWS: rootOf(ACCOUNT_A) },
        Action: 'sts:AssumeRole',
        Condition: { StringEquals: { 'sts:ExternalId': 'id-for-a' } },
      },
      {
        Effect: 'Allow',
        Principal: { AWS: rootOf(ACCOUNT_B) },
        Action: 'sts:AssumeRole',
        Condition: { StringEquals: { 'sts:ExternalId': 'id-for-b' } },
      },
    ]);
  });

  test('different actions stay apart even without conditions', () => {
    expect(deployedStatements([Trust.account(ACCOUNT_A), Trust.account(ACCOUNT_B).withSourceIdentity()])).toHaveLength(2);
  });

  test('MFA with and without a maximum age stay apart', () => {
    expect(deployedStatements([Trust.account(ACCOUNT_A).requireMfa(), Trust.account(ACCOUNT_B).requireMfa(Duration.hours(1))])).toHaveLength(2);
  });

  test('the same principal given twice with the same conditions appears once', () => {
    expect(deployedStatements([Trust.account(ACCOUNT_A).requireMfa(), Trust.account(ACCOUNT_A).requireMfa()])).toEqual([{
      Effect: 'Allow',
      Principal: { AWS: rootOf(ACCOUNT_A) },
      Action: 'sts:AssumeRole',
      Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
    }]);
  });
});

describe('addTrust', () => {
  test('adds statements after those of the props', () => {
    const role = roleTrusting([Trust.service('lambda')]);
    role.addTrust(Trust.account(ACCOUNT_A).withExternalId('partner-1234'));
    expect(deployedStatementsOf(role)).toEqual([
      { Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' },
      {
        Effect: 'Allow',
        Principal: { AWS: rootOf(ACCOUNT_A) },
        Action: 'sts:AssumeRole',
        Condition: { StringEquals: { 'sts:ExternalId': 'partner-1234' } },
      },
    ]);
  });

  test('rejects a bad value with the path, the call and the problem', () => {
    const role = roleTrusting([Trust.service('lambda')]);
    expect(() => role.addTrust(Trust.account('123'))).toThrow(`${ROLE_PATH}: invalid addTrust(Trust.accounts(arn:{partition}:iam::123:root))`);
  });
});

describe('bad input fails when the role is built, naming the path and the value', () => {
  const OIDC_ARN = 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com';
  const cases: Array<[string, () => TrustRelationship, string]> = [
    ['account ID 123', () => Trust.account('123'), 'account ID "123" must be 12 digits'],
    ['a non-numeric account ID', () => Trust.accounts([ACCOUNT_A, '11112222333x']), 'account ID "11112222333x" must be 12 digits'],
    ['service Not A Service', () => Trust.service('Not A Service'), 'service "Not A Service" is not a service name'],
    ['an empty services list', () => Trust.services([]), 'a service trust needs at least one service name'],
    ['an empty accounts list', () => Trust.accounts([]), 'Trust.accounts needs at least one principal'],
    ['ExternalId x', () => Trust.account(ACCOUNT_A).withExternalId('x'), 'ExternalId "x" must be 2-1,224 characters'],
    ['an ExternalId with a space', () => Trust.account(ACCOUNT_A).withExternalId('has space'), 'ExternalId "has space"'],
    ['no ExternalIds', () => Trust.account(ACCOUNT_A).withExternalIds([]), 'withExternalIds needs at least one ExternalId'],
    ['organization ID org-1', () => Trust.account(ACCOUNT_A).withinOrganization('org-1'), 'organization ID "org-1" must match'],
    ['namespace Bad_NS', () => Trust.eksServiceAccounts(EKS, ['Bad_NS:sa']), 'namespace "Bad_NS" in "Bad_NS:sa"'],
    ['service account no-colon', () => Trust.eksServiceAccounts(EKS, ['no-colon']), 'service account "no-colon" must be written "namespace:name"'],
    ['no service accounts', () => Trust.eksServiceAccounts(EKS, []), 'needs at least one subject'],
    ['GitHub repository noslash', () => Trust.githubActions({ repository: 'noslash' }), 'repository "noslash" must be written "owner/name"'],
    ['a GitHub branch with a space', () => Trust.githubActions({ repository: 'o/r', branches: ['my branch'] }), '"my branch" must be non-empty and contain no whitespace'],
    ['an OIDC provider ARN given to saml', () => Trust.saml(OIDC_ARN), `"${OIDC_ARN}" is not an IAM SAML provider ARN`],
    ['a SAML provider ARN given as OIDC issuer', () => Trust.openIdConnect(OidcIssuer.fromProviderArn('arn:aws:iam::111122223333:saml-provider/okta'), { subjects: ['s'] }), 'is not an IAM OIDC provider ARN'],
    ['an unknown placeholder in a role ARN', () => Trust.role('arn:{partition}:iam::{acount}:role/deployer'), 'unknown placeholder {acount}'],
    ['a user ARN given as a role', () => Trust.role('arn:aws:iam::111122223333:user/alice'), '"arn:aws:iam::111122223333:user/alice" is not an IAM role ARN'],
    ['a role ARN given as a user', () => Trust.user('arn:aws:iam::111122223333:role/x'), '"arn:aws:iam::111122223333:role/x" is not an IAM user ARN'],
    ['a non-ARN principal', () => Trust.principals(['111122223333']), '"111122223333" is not an ARN'],
    ['operator Not An Operator', () => Trust.account(ACCOUNT_A).withCondition('Not An Operator', 'aws:PrincipalTag/x', ['y']), 'condition operator "Not An Operator" is not an IAM condition operator'],
    ['a condition without values', () => Trust.account(ACCOUNT_A).withCondition('StringEquals', 'aws:PrincipalTag/x', []), 'needs at least one value'],
    ['a short source account', () => Trust.service('sns').withSourceAccount('12345'), 'source account "12345" is not a 12-digit AWS account ID'],
    ['a source ARN that is no ARN', () => Trust.service('sns').withSourceArn('topic'), 'source ARN: "topic" is not an ARN'],
    ['a principal ARN pattern with an unknown placeholder', () => Trust.account(ACCOUNT_A).withPrincipalArn('arn:{partition}:iam::{acct}:role/*'), 'principal ARN pattern: unknown placeholder {acct}'],
    ['no audiences', () => Trust.eksServiceAccount(EKS, 'app', 'api').withAudiences([]), 'needs at least one audience'],
    ['no SAML audiences', () => Trust.saml('arn:aws:iam::111122223333:saml-provider/okta', { audiences: [] }), 'SAML trust needs at least one audience'],
  ];

  test.each(cases)('%s', (_name, make, problem) => {
    const trust = make();
    let error: Error | undefined;
    try {
      roleTrusting([trust]);
    } catch (e) {
      error = e as Error;
    }
    expect(error?.message).toContain(`${ROLE_PATH}: invalid trust[0] ${JSON.stringify(trust.toString())}: `);
    expect(error?.message).toContain(problem);
  });

  test('the index of the bad relationship is named', () => {
    expect(() => roleTrusting([Trust.service('lambda'), Trust.account('123')])).toThrow(`${ROLE_PATH}: invalid trust[1] `);
  });

  test('a value that is not a trust relationship is rejected', () => {
    expect(() => roleTrusting([{} as TrustRelationship])).toThrow(`${ROLE_PATH}: invalid trust[0] {}: must be a value made with the Trust factories`);
  });
});

describe('trust policy properties', () => {
  const accountId = fc.stringMatching(/^\d{12}$/);
  const externalId = fc.stringMatching(/^[\w+=,.@:/-]{2,64}$/);
  const serviceName = fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/);

  interface Config {
    readonly accounts: Array<{ id: string; externalIds: string[] }>;
    readonly services: Array<{ name: string; sourceAccount?: string }>;
  }

  const config: fc.Arbitrary<Config> = fc.record({
    accounts: fc.uniqueArray(
      fc.record({ id: accountId, externalIds: fc.uniqueArray(externalId, { maxLength: 2 }) }),
      { selector: (a) => a.id, maxLength: 4 },
    ),
    services: fc.uniqueArray(
      fc.record({ name: serviceName, sourceAccount: fc.option(accountId, { nil: undefined }) }),
      { selector: (s) => s.name, maxLength: 3 },
    ),
  }).filter((c) => c.accounts.length + c.services.length > 0);

  function trustOf(c: Config): TrustRelationship[] {
    return [
      ...c.accounts.map((a) => (a.externalIds.length > 0 ? Trust.account(a.id).withExternalIds(a.externalIds) : Trust.account(a.id))),
      ...c.services.map((s) => (s.sourceAccount ? Trust.service(s.name).withSourceAccount(s.sourceAccount) : Trust.service(s.name))),
    ];
  }

  function listOf(value: unknown): unknown[] {
    return value === undefined ? [] : Array.isArray(value) ? value : [value];
  }

  function statementsFor(c: Config): any[] {
    const role = new AssumableRole(newStack(), 'Role', { trust: trustOf(c), trustPolicySizeQuota: 4096 });
    return deployedStatementsOf(role);
  }

  test('every configured principal appears exactly once, with exactly its own conditions', () => {
    fc.assert(fc.property(config, (c) => {
      const statements = statementsFor(c);
      const aws = statements.flatMap((s) => listOf(s.Principal.AWS));
      const services = statements.flatMap((s) => listOf(s.Principal.Service));
      expect([...aws].sort()).toEqual(c.accounts.map((a) => rootOf(a.id)).sort());
      expect([...services].sort()).toEqual(c.services.map((s) => `${s.name}.amazonaws.com`).sort());

      for (const a of c.accounts) {
        const statement = statements.find((s) => listOf(s.Principal.AWS).includes(rootOf(a.id)));
        expect(statement.Action).toBe('sts:AssumeRole');
        if (a.externalIds.length === 0) {
          expect(statement.Condition).toBeUndefined();
        } else {
          expect(Object.keys(statement.Condition)).toEqual(['StringEquals']);
          expect(Object.keys(statement.Condition.StringEquals)).toEqual(['sts:ExternalId']);
          expect([...listOf(statement.Condition.StringEquals['sts:ExternalId'])].sort()).toEqual([...a.externalIds].sort());
        }
      }
      for (const s of c.services) {
        const statement = statements.find((st) => listOf(st.Principal.Service).includes(`${s.name}.amazonaws.com`));
        expect(statement.Action).toBe('sts:AssumeRole');
        if (s.sourceAccount === undefined) {
          expect(statement.Condition).toBeUndefined();
        } else {
          expect(statement.Condition).toEqual({ StringEquals: { 'aws:SourceAccount': s.sourceAccount } });
        }
      }
    }), { numRuns: 40 });
  });

  test('statements are exactly as many as distinct condition sets', () => {
    fc.assert(fc.property(config, (c) => {
      const keys = new Set([
        ...c.accounts.map((a) => `ext:${[...a.externalIds].sort().join(',')}`),
        ...c.services.map((s) => (s.sourceAccount ? `src:${s.sourceAccount}` : 'ext:')),
      ]);
      expect(statementsFor(c)).toHaveLength(keys.size);
    }), { numRuns: 25 });
  });
});
