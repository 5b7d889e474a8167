import * as iam from 'aws-cdk-lib/aws-iam';
import { deployedStatements, deployedStatementsOf, rawStatements, roleTrusting, synthesize } from './trust-fixtures';
import { OidcIssuer, Trust } from '../../src';
import { resolveCfn } from '../support/resolve';
import { newStack, stringParameter } from '../support/stacks';

const EKS_HOST = 'oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE';
const EKS = OidcIssuer.fromIssuerUrl(`https://${EKS_HOST}`);
const OTHER_HOST = 'oidc.eks.eu-west-1.amazonaws.com/id/0123456789ABCDEF0123456789ABCDEF';
const OTHER = OidcIssuer.fromProviderArn(`arn:aws:iam::111122223333:oidc-provider/${OTHER_HOST}`);
const GITHUB = 'token.actions.githubusercontent.com';

/** A web-identity statement for the provider and condition, as deployed in `aws`. */
function webIdentity(providerArn: string, condition: object): object {
  return { Effect: 'Allow', Principal: { Federated: providerArn }, Action: 'sts:AssumeRoleWithWebIdentity', Condition: condition };
}

const EKS_PROVIDER = `arn:aws:iam::123456789012:oidc-provider/${EKS_HOST}`;
const GITHUB_PROVIDER = `arn:aws:iam::123456789012:oidc-provider/${GITHUB}`;

describe('Trust.eksServiceAccount(s) (IRSA)', () => {
  test('trusts one service account with exact aud and sub', () => {
    expect(deployedStatements([Trust.eksServiceAccount(EKS, 'payments', 'api')])).toEqual([
      webIdentity(EKS_PROVIDER, {
        StringEquals: {
          [`${EKS_HOST}:aud`]: 'sts.amazonaws.com',
          [`${EKS_HOST}:sub`]: 'system:serviceaccount:payments:api',
        },
      }),
    ]);
  });

  test.each(['aws-cn', 'aws-us-gov'] as const)('the provider ARN follows the partition (%s)', (partition) => {
    expect(deployedStatements([Trust.eksServiceAccount(EKS, 'payments', 'api')], partition)[0].Principal)
      .toEqual({ Federated: `arn:${partition}:iam::123456789012:oidc-provider/${EKS_HOST}` });
  });

  test('several exact service accounts share one StringEquals sub', () => {
    expect(deployedStatements([Trust.eksServiceAccounts(EKS, ['payments:api', 'payments:worker'])])).toEqual([
      webIdentity(EKS_PROVIDER, {
        StringEquals: {
          [`${EKS_HOST}:aud`]: 'sts.amazonaws.com',
          [`${EKS_HOST}:sub`]: ['system:serviceaccount:payments:api', 'system:serviceaccount:payments:worker'],
        },
      }),
    ]);
  });

  test('wildcard subjects go to a separate StringLike statement, still requiring aud', () => {
    expect(deployedStatements([Trust.eksServiceAccounts(EKS, ['payments:api', 'batch:*', 'jobs:run-?'])])).toEqual([
      webIdentity(EKS_PROVIDER, {
        StringEquals: { [`${EKS_HOST}:aud`]: 'sts.amazonaws.com', [`${EKS_HOST}:sub`]: 'system:serviceaccount:payments:api' },
      }),
      webIdentity(EKS_PROVIDER, {
        StringEquals: { [`${EKS_HOST}:aud`]: 'sts.amazonaws.com' },
        StringLike: { [`${EKS_HOST}:sub`]: ['system:serviceaccount:batch:*', 'system:serviceaccount:jobs:run-?'] },
      }),
    ]);
  });

  test('only wildcard subjects give only the StringLike statement', () => {
    expect(deployedStatements([Trust.eksServiceAccounts(EKS, ['*:default'])])).toEqual([
      webIdentity(EKS_PROVIDER, {
        StringEquals: { [`${EKS_HOST}:aud`]: 'sts.amazonaws.com' },
        StringLike: { [`${EKS_HOST}:sub`]: 'system:serviceaccount:*:default' },
      }),
    ]);
  });

  test('several issuers give separate statements with their own keys', () => {
    expect(deployedStatements([Trust.eksServiceAccount(EKS, 'app', 'api'), Trust.eksServiceAccount(OTHER, 'app', 'api')])).toEqual([
      webIdentity(EKS_PROVIDER, {
        StringEquals: { [`${EKS_HOST}:aud`]: 'sts.amazonaws.com', [`${EKS_HOST}:sub`]: 'system:serviceaccount:app:api' },
      }),
      webIdentity(`arn:aws:iam::111122223333:oidc-provider/${OTHER_HOST}`, {
        StringEquals: { [`${OTHER_HOST}:aud`]: 'sts.amazonaws.com', [`${OTHER_HOST}:sub`]: 'system:serviceaccount:app:api' },
      }),
    ]);
  });

  test('a literal provider ARN stays a plain string', () => {
    expect(rawStatements([Trust.eksServiceAccount(OTHER, 'app', 'api')])[0].Principal)
      .toEqual({ Federated: `arn:aws:iam::111122223333:oidc-provider/${OTHER_HOST}` });
  });

  test('an issuer URL with a trailing slash gives the same keys', () => {
    const issuer = OidcIssuer.fromIssuerUrl(`https://${EKS_HOST}/`);
    expect(deployedStatements([Trust.eksServiceAccount(issuer, 'payments', 'api')])).toEqual(
      deployedStatements([Trust.eksServiceAccount(EKS, 'payments', 'api')]),
    );
  });
});

describe('Trust.githubActions', () => {
  const AUD = { [`${GITHUB}:aud`]: 'sts.amazonaws.com' };

  test('without refs, any workflow of the repository, with StringLike', () => {
    expect(deployedStatements([Trust.githubActions({ repository: 'octo-org/app' })])).toEqual([
      webIdentity(GITHUB_PROVIDER, { StringEquals: AUD, StringLike: { [`${GITHUB}:sub`]: 'repo:octo-org/app:*' } }),
    ]);
  });

  test.each([
    [{ branches: ['main'] }, 'repo:octo-org/app:ref:refs/heads/main'],
    [{ tags: ['v1'] }, 'repo:octo-org/app:ref:refs/tags/v1'],
    [{ environments: ['prod'] }, 'repo:octo-org/app:environment:prod'],
    [{ pullRequests: true }, 'repo:octo-org/app:pull_request'],
  ])('%j gives the exact subject %s', (options, subject) => {
    expect(deployedStatements([Trust.githubActions({ repository: 'octo-org/app', ...options })])).toEqual([
      webIdentity(GITHUB_PROVIDER, { StringEquals: { ...AUD, [`${GITHUB}:sub`]: subject } }),
    ]);
  });

  test('branches, tags, environments and pull requests together, in one statement', () => {
    const trust = Trust.githubActions({ repository: 'octo-org/app', branches: ['main'], tags: ['v1'], environments: ['prod'], pullRequests: true });
    expect(deployedStatements([trust])).toEqual([
      webIdentity(GITHUB_PROVIDER, {
        StringEquals: {
          ...AUD,
          [`${GITHUB}:sub`]: [
            'repo:octo-org/app:ref:refs/heads/main',
            'repo:octo-org/app:ref:refs/tags/v1',
            'repo:octo-org/app:environment:prod',
            'repo:octo-org/app:pull_request',
          ],
        },
      }),
    ]);
  });

  test('pullRequests: false adds nothing', () => {
    expect(deployedStatements([Trust.githubActions({ repository: 'octo-org/app', branches: ['main'], pullRequests: false })]))
      .toEqual([webIdentity(GITHUB_PROVIDER, { StringEquals: { ...AUD, [`${GITHUB}:sub`]: 'repo:octo-org/app:ref:refs/heads/main' } })]);
  });

  test('wildcard branches go to a StringLike statement of their own', () => {
    expect(deployedStatements([Trust.githubActions({ repository: 'octo-org/app', branches: ['main', 'release/*'] })])).toEqual([
      webIdentity(GITHUB_PROVIDER, { StringEquals: { ...AUD, [`${GITHUB}:sub`]: 'repo:octo-org/app:ref:refs/heads/main' } }),
      webIdentity(GITHUB_PROVIDER, { StringEquals: AUD, StringLike: { [`${GITHUB}:sub`]: 'repo:octo-org/app:ref:refs/heads/release/*' } }),
    ]);
  });

  test('a wildcard repository makes every subject a StringLike one', () => {
    expect(deployedStatements([Trust.githubActions({ repository: 'octo-org/*', environments: ['prod'] })])).toEqual([
      webIdentity(GITHUB_PROVIDER, { StringEquals: AUD, StringLike: { [`${GITHUB}:sub`]: 'repo:octo-org/*:environment:prod' } }),
    ]);
  });

  test.each(['aws-cn', 'aws-us-gov'] as const)('the default provider ARN follows the partition (%s)', (partition) => {
    expect(deployedStatements([Trust.githubActions({ repository: 'octo-org/app', branches: ['main'] })], partition)[0].Principal)
      .toEqual({ Federated: `arn:${partition}:iam::123456789012:oidc-provider/${GITHUB}` });
  });

  test('takes a provider in another account', () => {
    const issuer = OidcIssuer.githubActions(`arn:aws:iam::111122223333:oidc-provider/${GITHUB}`);
    expect(rawStatements([Trust.githubActions({ repository: 'octo-org/app', branches: ['main'], issuer })])).toEqual([
      webIdentity(`arn:aws:iam::111122223333:oidc-provider/${GITHUB}`, {
        StringEquals: { ...AUD, [`${GITHUB}:sub`]: 'repo:octo-org/app:ref:refs/heads/main' },
      }),
    ]);
  });
});

describe('Trust.openIdConnect', () => {
  const HOST = 'auth.example.com/realms/ci';
  const ISSUER = OidcIssuer.fromProviderArn(`arn:{partition}:iam::{account}:oidc-provider/${HOST}`);
  const PROVIDER = `arn:aws:iam::123456789012:oidc-provider/${HOST}`;

  test('defaults the audience to sts.amazonaws.com', () => {
    expect(deployedStatements([Trust.openIdConnect(ISSUER, { subjects: ['user-1'] })])).toEqual([
      webIdentity(PROVIDER, { StringEquals: { [`${HOST}:aud`]: 'sts.amazonaws.com', [`${HOST}:sub`]: 'user-1' } }),
    ]);
  });

  test('takes audiences', () => {
    expect(deployedStatements([Trust.openIdConnect(ISSUER, { subjects: ['user-1', 'user-2'], audiences: ['client-a', 'client-b'] })])).toEqual([
      webIdentity(PROVIDER, { StringEquals: { [`${HOST}:aud`]: ['client-a', 'client-b'], [`${HOST}:sub`]: ['user-1', 'user-2'] } }),
    ]);
  });

  test('wildcard audiences are compared with StringLike', () => {
    expect(deployedStatements([Trust.openIdConnect(ISSUER, { subjects: ['user-1'], audiences: ['client-*'] })])).toEqual([
      webIdentity(PROVIDER, { StringLike: { [`${HOST}:aud`]: 'client-*' }, StringEquals: { [`${HOST}:sub`]: 'user-1' } }),
    ]);
  });

  test('withAudiences replaces the audiences', () => {
    const trust = Trust.openIdConnect(ISSUER, { subjects: ['user-1'] }).withAudiences(['client-a']);
    expect(deployedStatements([trust])).toEqual([
      webIdentity(PROVIDER, { StringEquals: { [`${HOST}:aud`]: 'client-a', [`${HOST}:sub`]: 'user-1' } }),
    ]);
  });

  test('withAudiences on GitHub Actions trust', () => {
    const trust = Trust.githubActions({ repository: 'octo-org/app', tags: ['v1'] }).withAudiences(['https://github.com/octo-org']);
    expect(deployedStatements([trust])[0].Condition).toEqual({
      StringEquals: { [`${GITHUB}:aud`]: 'https://github.com/octo-org', [`${GITHUB}:sub`]: 'repo:octo-org/app:ref:refs/tags/v1' },
    });
  });

  test('withSessionTags, withSourceIdentity and withCondition', () => {
    const trust = Trust.openIdConnect(ISSUER, { subjects: ['user-1'] })
      .withCondition('StringEquals', `${HOST}:amr`, ['authenticated'])
      .withSessionTags()
      .withSourceIdentity();
    expect(deployedStatements([trust])).toEqual([{
      Effect: 'Allow',
      Principal: { Federated: PROVIDER },
      Action: ['sts:AssumeRoleWithWebIdentity', 'sts:TagSession', 'sts:SetSourceIdentity'],
      Condition: { StringEquals: { [`${HOST}:amr`]: 'authenticated', [`${HOST}:aud`]: 'sts.amazonaws.com', [`${HOST}:sub`]: 'user-1' } },
    }]);
  });
});

describe('issuers known only at deploy time', () => {
  const PROVIDER_URL_HOST = 'oidc.example.com/realm';

  /** The CfnJson resource a statement's Condition points to, and its evaluated value. */
  function conditionOf(template: any, statement: any, refs: Record<string, unknown>): unknown {
    expect(Object.keys(statement.Condition)).toEqual(['Fn::GetAtt']);
    const [logicalId, attribute] = statement.Condition['Fn::GetAtt'];
    expect(attribute).toBe('Value');
    const resource = template.Resources[logicalId];
    expect(resource.Type).toBe('Custom::AWSCDKCfnJson');
    return JSON.parse(resolveCfn(resource.Properties.Value, 'aws', { refs }));
  }

  test('an iam.OpenIdConnectProvider gives a CfnJson condition with the right keys', () => {
    const stack = newStack();
    const provider = new iam.OpenIdConnectProvider(stack, 'Provider', { url: `https://${PROVIDER_URL_HOST}`, clientIds: ['sts.amazonaws.com'] });
    const role = roleTrusting([Trust.openIdConnect(OidcIssuer.fromOpenIdConnectProvider(provider), { subjects: ['user-1'] })], stack);
    const { template, statements } = synthesize(role);
    const providerId = stack.getLogicalId(provider.node.defaultChild as any);
    expect(statements).toEqual([{
      Effect: 'Allow',
      Principal: { Federated: { Ref: providerId } },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: { 'Fn::GetAtt': [expect.any(String), 'Value'] },
    }]);
    const refs = { [providerId]: `arn:aws:iam::123456789012:oidc-provider/${PROVIDER_URL_HOST}` };
    expect(conditionOf(template, statements[0], refs)).toEqual({
      StringEquals: { [`${PROVIDER_URL_HOST}:aud`]: 'sts.amazonaws.com', [`${PROVIDER_URL_HOST}:sub`]: 'user-1' },
    });
  });

  test('a provider ARN token gives one CfnJson condition per statement', () => {
    const stack = newStack();
    const arn = stringParameter(stack, 'ProviderArn');
    const role = roleTrusting([Trust.eksServiceAccounts(OidcIssuer.fromProviderArn(arn), ['app:api', 'batch:*'])], stack);
    const { template, statements } = synthesize(role);
    expect(statements).toHaveLength(2);
    for (const s of statements) {
      expect(s).toEqual({
        Effect: 'Allow',
        Principal: { Federated: { Ref: 'ProviderArn' } },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: { 'Fn::GetAtt': [expect.any(String), 'Value'] },
      });
    }
    expect(statements[0].Condition).not.toEqual(statements[1].Condition);
    const refs = { ProviderArn: `arn:aws:iam::123456789012:oidc-provider/${EKS_HOST}` };
    expect(conditionOf(template, statements[0], refs)).toEqual({
      StringEquals: { [`${EKS_HOST}:aud`]: 'sts.amazonaws.com', [`${EKS_HOST}:sub`]: 'system:serviceaccount:app:api' },
    });
    expect(conditionOf(template, statements[1], refs)).toEqual({
      StringEquals: { [`${EKS_HOST}:aud`]: 'sts.amazonaws.com' },
      StringLike: { [`${EKS_HOST}:sub`]: 'system:serviceaccount:batch:*' },
    });
  });

  test('an issuer URL token gives a partition-aware provider ARN and a CfnJson condition', () => {
    const stack = newStack();
    const url = stringParameter(stack, 'IssuerUrl');
    const role = roleTrusting([Trust.eksServiceAccount(OidcIssuer.fromIssuerUrl(url), 'app', 'api')], stack);
    const { template, statements } = synthesize(role);
    const refs = { IssuerUrl: `https://${EKS_HOST}` };
    expect(resolveCfn(statements[0].Principal, 'aws-cn', { refs }))
      .toEqual({ Federated: `arn:aws-cn:iam::123456789012:oidc-provider/${EKS_HOST}` });
    expect(conditionOf(template, statements[0], refs)).toEqual({
      StringEquals: { [`${EKS_HOST}:aud`]: 'sts.amazonaws.com', [`${EKS_HOST}:sub`]: 'system:serviceaccount:app:api' },
    });
  });

  test('a literal issuer needs no CfnJson', () => {
    const role = roleTrusting([Trust.eksServiceAccount(EKS, 'app', 'api')]);
    const { template } = synthesize(role);
    expect(Object.values<any>(template.Resources).filter((r) => r.Type === 'Custom::AWSCDKCfnJson')).toEqual([]);
    expect(deployedStatementsOf(role)).toHaveLength(1);
  });
});

describe('OIDC providers of another account', () => {
  test('are an error when the role\'s account is known: STS accepts only providers of the role\'s own account', () => {
    const stack = newStack({ env: { account: '123456789012', region: 'us-east-1' } });
    expect(() => roleTrusting([Trust.eksServiceAccounts(OTHER, ['payments:api'])], stack)).toThrow(
      `Stack/Role: invalid trust[0] "Trust.eksServiceAccounts(system:serviceaccount:payments:api)": the OIDC provider arn:aws:iam::111122223333:oidc-provider/${OTHER_HOST} `
      + 'is in account 111122223333, but the role is in account 123456789012; STS accepts web identities only through an OIDC provider '
      + 'in the role\'s own account: create the provider in 123456789012 (or write the ARN with {account})');
  });

  test('are accepted in the role\'s own account, with {account}, and when the stack\'s account is known only at deploy time', () => {
    const own = newStack({ env: { account: '111122223333', region: 'us-east-1' } });
    expect(() => roleTrusting([Trust.eksServiceAccounts(OTHER, ['payments:api'])], own)).not.toThrow();
    const templated = newStack({ env: { account: '123456789012', region: 'us-east-1' } });
    const issuer = OidcIssuer.fromProviderArn(`arn:{partition}:iam::{account}:oidc-provider/${OTHER_HOST}`);
    expect(() => roleTrusting([Trust.eksServiceAccounts(issuer, ['payments:api'])], templated)).not.toThrow();
    expect(() => roleTrusting([Trust.eksServiceAccounts(OTHER, ['payments:api'])], newStack())).not.toThrow();
  });
});
