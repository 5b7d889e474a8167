/**
 * Shared expectations for every construct built on `AssumableRole`: each construct's test file
 * runs `describeAssumableRoleBehaviour` with a factory, so every common prop and every
 * `iam.IRole` capability is checked for the base class and for each subclass.
 */
import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { AssumableRole, AssumableRoleProps, PermissionsBoundary, Trust } from '../../src';
import { newStack } from '../support/stacks';

export const PARTITION = { Ref: 'AWS::Partition' };
export const ACCOUNT_ID = { Ref: 'AWS::AccountId' };
export const REGION = { Ref: 'AWS::Region' };

/** The `Fn::Join` CDK renders for a string made of literals and tokens. */
export function join(...parts: unknown[]): unknown {
  return { 'Fn::Join': ['', parts] };
}

/** The logical ID of the `AWS::IAM::Role` of a construct or plain role. */
export function logicalIdOf(role: AssumableRole | iam.Role): string {
  const inner = role instanceof AssumableRole ? role.role : role;
  return Stack.of(inner).getLogicalId(inner.node.defaultChild as iam.CfnRole);
}

/** The synthesized `AWS::IAM::Role` resource (Type, Properties, policies) of a construct. */
export function roleResource(role: AssumableRole): any {
  const resource = Template.fromStack(role.stack).toJSON().Resources[logicalIdOf(role)];
  expect(resource?.Type).toBe('AWS::IAM::Role');
  return resource;
}

/** The synthesized trust-policy statements of a construct. */
export function trustStatements(role: AssumableRole): any[] {
  const document = roleResource(role).Properties.AssumeRolePolicyDocument;
  expect(document.Version).toBe('2012-10-17');
  return document.Statement;
}

/** `{ Fn::GetAtt: [<role>, 'Arn'] }` for a construct. */
export function arnOf(role: AssumableRole | iam.Role): unknown {
  return { 'Fn::GetAtt': [logicalIdOf(role), 'Arn'] };
}

/** A trust relationship whose statement never merges with a construct's own statements. */
export const EXTRA_TRUST = Trust.account('999988887777').withExternalId('extra-trust');
export const EXTRA_STATEMENT = {
  Effect: 'Allow',
  Principal: { AWS: join('arn:', PARTITION, ':iam::999988887777:root') },
  Action: 'sts:AssumeRole',
  Condition: { StringEquals: { 'sts:ExternalId': 'extra-trust' } },
};

/** GitHub Actions trust, added with `addTrust` in the tests below. */
export const ADDED_TRUST = Trust.githubActions({ repository: 'octo-org/app', branches: ['main'] });
export const ADDED_STATEMENT = {
  Effect: 'Allow',
  Principal: { Federated: join('arn:', PARTITION, ':iam::', ACCOUNT_ID, ':oidc-provider/token.actions.githubusercontent.com') },
  Action: 'sts:AssumeRoleWithWebIdentity',
  Condition: {
    StringEquals: {
      'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
      'token.actions.githubusercontent.com:sub': 'repo:octo-org/app:ref:refs/heads/main',
    },
  },
};

/** How the shared suite builds and recognises one kind of role. */
export interface RoleUnderTest {
  /** The trust statements the construct's own minimal props produce, as synthesized. */
  readonly ownStatements: any[];
  /** Whether statements of the `trust` prop come before the construct's own statements. */
  readonly extraTrustFirst: boolean;
  /** Builds the construct with its own minimal props plus the given common props. */
  make(scope: Construct, id: string, props?: AssumableRoleProps): AssumableRole;
  /** A plain `iam.Role` with the same trust, for the logical ID comparison. */
  plainPrincipal(): iam.IPrincipal;
}

export function describeAssumableRoleBehaviour(name: string, rut: RoleUnderTest): void {
  describe(`${name}: common role props`, () => {
    test('renders roleName, description, path and maxSessionDuration (in seconds)', () => {
      const stack = newStack();
      rut.make(stack, 'Role', {
        roleName: 'ops-auditor',
        description: 'Read-only access for the ops team',
        path: '/teams/ops/',
        maxSessionDuration: Duration.hours(4),
      });
      Template.fromStack(stack).hasResourceProperties('AWS::IAM::Role', {
        RoleName: 'ops-auditor',
        Description: 'Read-only access for the ops team',
        Path: '/teams/ops/',
        MaxSessionDuration: 14400,
      });
    });

    test('leaves optional properties unset by default', () => {
      const stack = newStack();
      rut.make(stack, 'Role');
      Template.fromStack(stack).hasResourceProperties('AWS::IAM::Role', {
        RoleName: Match.absent(),
        Description: Match.absent(),
        Path: Match.absent(),
        MaxSessionDuration: Match.absent(),
        ManagedPolicyArns: Match.absent(),
        Policies: Match.absent(),
        Tags: Match.absent(),
      });
      expect(Template.fromStack(stack).toJSON().Outputs).toBeUndefined();
    });

    test('attaches managedPolicies, managedPolicyArns (partition-aware) and awsManagedPolicyNames, in that order', () => {
      const stack = newStack();
      const own = new iam.ManagedPolicy(stack, 'ReadReports', {
        statements: [new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: ['*'] })],
      });
      rut.make(stack, 'Role', {
        managedPolicies: [own, iam.ManagedPolicy.fromAwsManagedPolicyName('SecurityAudit')],
        managedPolicyArns: ['arn:{partition}:iam::{account}:policy/read-reports', 'arn:aws:iam::111122223333:policy/literal'],
        awsManagedPolicyNames: ['ReadOnlyAccess', 'service-role/AWSLambdaBasicExecutionRole'],
      });
      Template.fromStack(stack).hasResourceProperties('AWS::IAM::Role', {
        ManagedPolicyArns: [
          { Ref: stack.getLogicalId(own.node.defaultChild as iam.CfnManagedPolicy) },
          join('arn:', PARTITION, ':iam::aws:policy/SecurityAudit'),
          join('arn:', PARTITION, ':iam::', ACCOUNT_ID, ':policy/read-reports'),
          'arn:aws:iam::111122223333:policy/literal',
          join('arn:', PARTITION, ':iam::aws:policy/ReadOnlyAccess'),
          join('arn:', PARTITION, ':iam::aws:policy/service-role/AWSLambdaBasicExecutionRole'),
        ],
      });
    });

    test('puts inlinePolicies and inlinePolicyJson inside the one AWS::IAM::Role resource', () => {
      const stack = newStack();
      rut.make(stack, 'Role', {
        inlinePolicies: {
          Logs: new iam.PolicyDocument({
            statements: [new iam.PolicyStatement({ actions: ['logs:PutLogEvents'], resources: ['*'] })],
          }),
        },
        inlinePolicyJson: {
          // a single Statement object, as IAM allows; a placeholder and an IAM policy variable
          HomeFolder: `{
            "Version": "2012-10-17",
            "Statement": {
              "Effect": "Allow",
              "Action": ["s3:GetObject", "s3:PutObject"],
              "Resource": "arn:{partition}:s3:::home-bucket/\${aws:username}/*"
            }
          }`,
          Parsed: {
            Version: '2012-10-17',
            Statement: [{ Sid: 'Queue', Effect: 'Allow', Action: 'sqs:SendMessage', Resource: 'arn:{partition}:sqs:{region}:{account}:jobs' }],
          },
        },
      });
      const template = Template.fromStack(stack);
      template.resourceCountIs('AWS::IAM::Role', 1);
      template.resourceCountIs('AWS::IAM::Policy', 0);
      template.resourceCountIs('AWS::IAM::ManagedPolicy', 0);
      template.hasResourceProperties('AWS::IAM::Role', {
        Policies: [
          {
            PolicyName: 'Logs',
            PolicyDocument: {
              Version: '2012-10-17',
              Statement: [{ Effect: 'Allow', Action: 'logs:PutLogEvents', Resource: '*' }],
            },
          },
          {
            PolicyName: 'HomeFolder',
            PolicyDocument: {
              Version: '2012-10-17',
              Statement: [{
                Effect: 'Allow',
                Action: ['s3:GetObject', 's3:PutObject'],
                Resource: join('arn:', PARTITION, ':s3:::home-bucket/${aws:username}/*'),
              }],
            },
          },
          {
            PolicyName: 'Parsed',
            PolicyDocument: {
              Version: '2012-10-17',
              Statement: [{
                Sid: 'Queue',
                Effect: 'Allow',
                Action: 'sqs:SendMessage',
                Resource: join('arn:', PARTITION, ':sqs:', REGION, ':', ACCOUNT_ID, ':jobs'),
              }],
            },
          },
        ],
      });
    });

    test('permissionsBoundary from a managed policy construct', () => {
      const stack = newStack();
      const boundary = new iam.ManagedPolicy(stack, 'Boundary', {
        statements: [new iam.PolicyStatement({ actions: ['s3:*'], resources: ['*'] })],
      });
      rut.make(stack, 'Role', { permissionsBoundary: PermissionsBoundary.fromPolicy(boundary) });
      Template.fromStack(stack).hasResourceProperties('AWS::IAM::Role', {
        PermissionsBoundary: { Ref: stack.getLogicalId(boundary.node.defaultChild as iam.CfnManagedPolicy) },
      });
    });

    test('permissionsBoundary from an ARN template', () => {
      const stack = newStack();
      rut.make(stack, 'Role', { permissionsBoundary: PermissionsBoundary.fromArn('arn:{partition}:iam::{account}:policy/team-boundary') });
      Template.fromStack(stack).hasResourceProperties('AWS::IAM::Role', {
        PermissionsBoundary: join('arn:', PARTITION, ':iam::', ACCOUNT_ID, ':policy/team-boundary'),
      });
    });

    test('permissionsBoundary from a policy name (and path) of the stack account', () => {
      const stack = newStack();
      rut.make(stack, 'Role', { permissionsBoundary: PermissionsBoundary.fromName('boundaries/team-boundary') });
      Template.fromStack(stack).hasResourceProperties('AWS::IAM::Role', {
        PermissionsBoundary: join('arn:', PARTITION, ':iam::', ACCOUNT_ID, ':policy/boundaries/team-boundary'),
      });
    });

    test('tags the role', () => {
      const stack = newStack();
      rut.make(stack, 'Role', { tags: { 'team': 'ops', 'cost-center': '1234' } });
      Template.fromStack(stack).hasResourceProperties('AWS::IAM::Role', {
        Tags: [{ Key: 'cost-center', Value: '1234' }, { Key: 'team', Value: 'ops' }],
      });
    });

    test('removalPolicy RETAIN sets DeletionPolicy and UpdateReplacePolicy to Retain', () => {
      const stack = newStack();
      rut.make(stack, 'Role', { removalPolicy: RemovalPolicy.RETAIN });
      Template.fromStack(stack).hasResource('AWS::IAM::Role', { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
    });

    test('applyRemovalPolicy changes the role resource', () => {
      const stack = newStack();
      const role = rut.make(stack, 'Role');
      role.applyRemovalPolicy(RemovalPolicy.RETAIN);
      Template.fromStack(stack).hasResource('AWS::IAM::Role', { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
    });

    test('the trust prop adds its statements to those of the construct', () => {
      const stack = newStack();
      const role = rut.make(stack, 'Role', { trust: [EXTRA_TRUST] });
      expect(trustStatements(role)).toEqual(rut.extraTrustFirst
        ? [EXTRA_STATEMENT, ...rut.ownStatements]
        : [...rut.ownStatements, EXTRA_STATEMENT]);
      expect(role.trusts).toContain(EXTRA_TRUST);
    });

    test('outputs adds CfnOutputs with the role ARN, name and ID (the switch-role link: role-outputs.test.ts)', () => {
      const stack = newStack();
      const role = rut.make(stack, 'Role', { outputs: true });
      const outputs = Template.fromStack(stack).toJSON().Outputs;
      expect(Object.entries(outputs).filter(([id]) => !id.startsWith('RoleSwitchRoleUrl')).map(([, output]) => output)).toEqual([
        { Description: 'ARN of Stack/Role', Value: arnOf(role) },
        { Description: 'Name of Stack/Role', Value: { Ref: logicalIdOf(role) } },
        { Description: 'Unique ID (AROA...) of Stack/Role', Value: { 'Fn::GetAtt': [logicalIdOf(role), 'RoleId'] } },
      ]);
    });
  });

  describe(`${name}: CloudFormation identity`, () => {
    test('has the logical ID of a plain iam.Role with the same id (migration without replacement)', () => {
      const stack = newStack();
      const role = rut.make(stack, 'Fn');
      const other = newStack({ id: 'Other' });
      const plain = new iam.Role(other, 'Fn', { assumedBy: rut.plainPrincipal() });
      expect(logicalIdOf(role)).toBe(logicalIdOf(plain));
      expect(logicalIdOf(role)).toBe('Fn9270CBC0');
      Template.fromStack(stack).templateMatches({ Resources: { Fn9270CBC0: { Type: 'AWS::IAM::Role' } } });
    });

    test('keeps the plain iam.Role logical ID inside a nested construct, and for its DefaultPolicy', () => {
      const stack = newStack();
      const role = rut.make(new Construct(stack, 'Api'), 'Handler');
      role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: ['*'] }));
      const other = newStack({ id: 'Other' });
      const plain = new iam.Role(new Construct(other, 'Api'), 'Handler', { assumedBy: rut.plainPrincipal() });
      plain.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: ['*'] }));
      expect(logicalIdOf(role)).toBe(logicalIdOf(plain));
      const policyIds = (s: Stack) => Object.keys(Template.fromStack(s).findResources('AWS::IAM::Policy'));
      expect(policyIds(stack)).toEqual(policyIds(other));
      expect(policyIds(stack)).toHaveLength(1);
    });
  });

  describe(`${name}: usable as iam.IRole`, () => {
    test('exposes the wrapped role and its attributes', () => {
      const stack = newStack({ env: { account: '123456789012', region: 'eu-west-1' } });
      const role = rut.make(stack, 'Role');
      const asIRole: iam.IRole = role;
      expect(role.role).toBeInstanceOf(iam.Role);
      expect(role.stack).toBe(stack);
      expect(role.env).toEqual({ account: '123456789012', region: 'eu-west-1' });
      expect(stack.resolve(asIRole.roleArn)).toEqual(arnOf(role));
      expect(stack.resolve(role.roleName)).toEqual({ Ref: logicalIdOf(role) });
      expect(stack.resolve(role.roleId)).toEqual({ 'Fn::GetAtt': [logicalIdOf(role), 'RoleId'] });
      expect(role.grantPrincipal).toBe(role.role);
      expect(role.assumeRoleAction).toBe('sts:AssumeRole');
      expect(role.principalAccount).toBe('123456789012');
      expect(stack.resolve(role.policyFragment.principalJson)).toEqual({ AWS: [arnOf(role)] });
      expect(stack.resolve(role.roleRef.roleArn)).toEqual(arnOf(role));
    });

    test('grantAssumeRole gives the grantee sts:AssumeRole on the role', () => {
      const stack = newStack();
      const role = rut.make(stack, 'Role');
      const user = new iam.User(stack, 'Operator');
      role.grantAssumeRole(user);
      Template.fromStack(stack).hasResourceProperties('AWS::IAM::Policy', {
        PolicyDocument: { Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: arnOf(role) }] },
        Users: [{ Ref: stack.getLogicalId(user.node.defaultChild as iam.CfnUser) }],
      });
    });

    test('grantPassRole gives the grantee iam:PassRole on the role', () => {
      const stack = newStack();
      const role = rut.make(stack, 'Role');
      const deployer = new iam.User(stack, 'Deployer');
      role.grantPassRole(deployer);
      Template.fromStack(stack).hasResourceProperties('AWS::IAM::Policy', {
        PolicyDocument: { Statement: [{ Effect: 'Allow', Action: 'iam:PassRole', Resource: arnOf(role) }] },
        Users: [{ Ref: stack.getLogicalId(deployer.node.defaultChild as iam.CfnUser) }],
      });
    });

    test('grant gives the grantee the given actions on the role', () => {
      const stack = newStack();
      const role = rut.make(stack, 'Role');
      const admin = new iam.User(stack, 'Admin');
      role.grant(admin, 'iam:GetRole', 'iam:TagRole');
      Template.fromStack(stack).hasResourceProperties('AWS::IAM::Policy', {
        PolicyDocument: { Statement: [{ Effect: 'Allow', Action: ['iam:GetRole', 'iam:TagRole'], Resource: arnOf(role) }] },
      });
    });

    test('addToPrincipalPolicy creates the DefaultPolicy attached to the role', () => {
      const stack = newStack();
      const role = rut.make(stack, 'Role');
      const result = role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['sqs:SendMessage'], resources: ['*'] }));
      expect(result.statementAdded).toBe(true);
      const template = Template.fromStack(stack);
      template.resourceCountIs('AWS::IAM::Policy', 1);
      template.hasResourceProperties('AWS::IAM::Policy', {
        PolicyName: Match.stringLikeRegexp('^RoleDefaultPolicy'),
        PolicyDocument: { Statement: [{ Effect: 'Allow', Action: 'sqs:SendMessage', Resource: '*' }] },
        Roles: [{ Ref: logicalIdOf(role) }],
      });
    });

    test('addManagedPolicy appends to ManagedPolicyArns', () => {
      const stack = newStack();
      const role = rut.make(stack, 'Role', { awsManagedPolicyNames: ['ReadOnlyAccess'] });
      role.addManagedPolicy(iam.ManagedPolicy.fromAwsManagedPolicyName('SecurityAudit'));
      Template.fromStack(stack).hasResourceProperties('AWS::IAM::Role', {
        ManagedPolicyArns: [
          join('arn:', PARTITION, ':iam::aws:policy/ReadOnlyAccess'),
          join('arn:', PARTITION, ':iam::aws:policy/SecurityAudit'),
        ],
      });
    });

    test('attachInlinePolicy attaches a separate AWS::IAM::Policy', () => {
      const stack = newStack();
      const role = rut.make(stack, 'Role');
      role.attachInlinePolicy(new iam.Policy(stack, 'Extra', {
        statements: [new iam.PolicyStatement({ actions: ['kms:Decrypt'], resources: ['*'] })],
      }));
      Template.fromStack(stack).hasResourceProperties('AWS::IAM::Policy', {
        PolicyDocument: { Statement: [{ Effect: 'Allow', Action: 'kms:Decrypt', Resource: '*' }] },
        Roles: [{ Ref: logicalIdOf(role) }],
      });
    });
  });

  describe(`${name}: trust after construction`, () => {
    test('addTrust adds statements after those of the props', () => {
      const stack = newStack();
      const role = rut.make(stack, 'Role');
      role.addTrust(ADDED_TRUST);
      expect(trustStatements(role)).toEqual([...rut.ownStatements, ADDED_STATEMENT]);
      expect(role.trusts[role.trusts.length - 1]).toBe(ADDED_TRUST);
    });

    test('statements added through role.assumeRolePolicy are kept after ours', () => {
      const stack = newStack();
      const role = rut.make(stack, 'Role');
      role.role.assumeRolePolicy!.addStatements(new iam.PolicyStatement({
        actions: ['sts:AssumeRole'],
        principals: [new iam.ArnPrincipal('arn:aws:iam::111122223333:role/legacy')],
      }));
      expect(trustStatements(role)).toEqual([
        ...rut.ownStatements,
        { Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { AWS: 'arn:aws:iam::111122223333:role/legacy' } },
      ]);
    });

    test('addTrust with an invalid relationship names the path and the problem', () => {
      const role = rut.make(newStack(), 'Role');
      expect(() => role.addTrust(Trust.account('1234'))).toThrow(/^Stack\/Role: invalid addTrust\(.*account ID "1234" must be 12 digits/);
    });
  });

  describe(`${name}: input errors name the path, the field and the value`, () => {
    test('unknown placeholder in managedPolicyArns', () => {
      expect(() => rut.make(newStack(), 'Role', { managedPolicyArns: ['arn:{partition}:iam::aws:policy/{bogus}'] }))
        .toThrow(/Stack\/Role: invalid managedPolicyArns\[0\].*unknown placeholder \{bogus\}/);
    });

    test('managedPolicyArns entry that is not a managed policy ARN', () => {
      expect(() => rut.make(newStack(), 'Role', { managedPolicyArns: ['arn:{partition}:iam::aws:policy/Ok', 'arn:aws:s3:::bucket'] }))
        .toThrow(/Stack\/Role: invalid managedPolicyArns\[1\] "arn:aws:s3:::bucket": must be an IAM managed policy ARN/);
    });

    test('awsManagedPolicyNames entry given as an ARN', () => {
      expect(() => rut.make(newStack(), 'Role', { awsManagedPolicyNames: ['ReadOnlyAccess', 'arn:aws:iam::aws:policy/X'] }))
        .toThrow(/Stack\/Role: invalid awsManagedPolicyNames\[1\] "arn:aws:iam::aws:policy\/X": .*use managedPolicyArns for ARNs/);
    });

    test('inlinePolicyJson with a trailing comma reports line and column', () => {
      const text = '{\n  "Version": "2012-10-17",\n  "Statement": [],\n}';
      expect(() => rut.make(newStack(), 'Role', { inlinePolicyJson: { Broken: text } }))
        .toThrow(/Stack\/Role: invalid inlinePolicyJson\.Broken ".*": policy JSON does not parse at line 4, column 1: .*trailing commas/);
    });

    test('inlinePolicyJson with an unknown placeholder', () => {
      const policy = { Statement: { Effect: 'Allow', Action: 's3:*', Resource: 'arn:{partition}:s3:::{bucket}' } };
      expect(() => rut.make(newStack(), 'Role', { inlinePolicyJson: { Bucket: policy } }))
        .toThrow(/Stack\/Role: invalid inlinePolicyJson\.Bucket .*unknown placeholder \{bucket\}/);
    });

    test('the same inline policy name in inlinePolicies and inlinePolicyJson', () => {
      expect(() => rut.make(newStack(), 'Role', {
        inlinePolicies: { Shared: new iam.PolicyDocument() },
        inlinePolicyJson: { Shared: { Version: '2012-10-17', Statement: [] } },
      })).toThrow(/Stack\/Role: invalid inlinePolicyJson\.Shared "Shared": an inline policy of this name is also given in inlinePolicies/);
    });

    test('a trust entry that is not a Trust value', () => {
      expect(() => rut.make(newStack(), 'Role', { trust: [new iam.ServicePrincipal('ec2') as any] }))
        .toThrow(/Stack\/Role: invalid trust\[\d+\] .*must be a value made with the Trust factories/);
    });

    test('an invalid trust entry', () => {
      expect(() => rut.make(newStack(), 'Role', { trust: [Trust.role('arn:aws:iam::111122223333:user/alice')] }))
        .toThrow(/Stack\/Role: invalid trust\[\d+\] .*"arn:aws:iam::111122223333:user\/alice" is not an IAM role ARN/);
    });

    test('a boundary ARN that is not a managed policy ARN', () => {
      expect(() => rut.make(newStack(), 'Role', { permissionsBoundary: PermissionsBoundary.fromArn('arn:aws:iam::111122223333:role/x') }))
        .toThrow(/Stack\/Role: invalid permissionsBoundary "arn:aws:iam::111122223333:role\/x": .*is not an IAM managed policy ARN/);
    });
  });
}
