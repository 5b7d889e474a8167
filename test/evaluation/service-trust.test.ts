/**
 * Who may assume a ServiceRole, or a role trusting services or EKS Pod Identity: the named
 * services (within their source guards), and nobody else.
 */
import { allow, deny, describeCases, HOME, PARTNER, STRANGER } from './evaluation-fixtures';
import { AssumableRole, ServiceRole, Trust } from '../../src';
import { newStack } from '../support/stacks';
import { Callers } from '../support/trust-evaluator';

const TAGGED = ['sts:AssumeRole', 'sts:TagSession'];

describeCases('ServiceRole for lambda', () => {
  const stack = newStack();
  return { stack, role: new ServiceRole(stack, 'Fn', { services: ['lambda'] }) };
}, [
  allow('lambda.amazonaws.com', Callers.service('lambda.amazonaws.com')),
  allow('lambda.amazonaws.com on behalf of any account (no source guard asked for)', Callers.service('lambda.amazonaws.com', { sourceAccount: STRANGER })),
  deny('a different service (ec2)', Callers.service('ec2.amazonaws.com')),
  deny('a look-alike service name', Callers.service('lambda.amazonaws.com.evil.example')),
  deny('lambda passing session tags (sts:TagSession is not granted)', Callers.service('lambda.amazonaws.com'), TAGGED),
  deny('a role of the same account, even with an identity policy allowing it', Callers.role(HOME, 'admin')),
  deny('a role of another account', Callers.role(PARTNER, 'admin')),
  deny('an EKS service account token', Callers.webIdentity('oidc.eks.us-east-1.amazonaws.com/id/X', 'system:serviceaccount:a:b')),
]);

describeCases('ServiceRole for several services', () => {
  const stack = newStack();
  return { stack, role: new ServiceRole(stack, 'Tasks', { services: ['ecs-tasks', 'states.amazonaws.com'] }) };
}, [
  allow('ecs-tasks.amazonaws.com', Callers.service('ecs-tasks.amazonaws.com')),
  allow('states.amazonaws.com', Callers.service('states.amazonaws.com')),
  deny('ecs.amazonaws.com (not ecs-tasks)', Callers.service('ecs.amazonaws.com')),
]);

describeCases('ServiceRole with source account and source ARN guards', () => {
  const stack = newStack();
  return {
    stack,
    role: new ServiceRole(stack, 'Scheduler', {
      services: ['scheduler'],
      restrictToSourceAccount: true,
      sourceArns: ['arn:{partition}:scheduler:{region}:{account}:schedule/nightly/*'],
    }),
  };
}, [
  allow('the scheduler for a nightly schedule of this account', Callers.service('scheduler.amazonaws.com', {
    sourceAccount: HOME, sourceArn: 'arn:{partition}:scheduler:{region}:{account}:schedule/nightly/backup',
  })),
  deny('SourceAccount of another account', Callers.service('scheduler.amazonaws.com', {
    sourceAccount: STRANGER, sourceArn: 'arn:{partition}:scheduler:{region}:{account}:schedule/nightly/backup',
  })),
  deny('no SourceAccount', Callers.service('scheduler.amazonaws.com', { sourceArn: 'arn:{partition}:scheduler:{region}:{account}:schedule/nightly/backup' })),
  deny('SourceArn of another account', Callers.service('scheduler.amazonaws.com', {
    sourceAccount: HOME, sourceArn: `arn:{partition}:scheduler:{region}:${STRANGER}:schedule/nightly/backup`,
  })),
  deny('SourceArn of another schedule group', Callers.service('scheduler.amazonaws.com', {
    sourceAccount: HOME, sourceArn: 'arn:{partition}:scheduler:{region}:{account}:schedule/adhoc/backup',
  })),
  deny('SourceArn in another region', Callers.service('scheduler.amazonaws.com', {
    sourceAccount: HOME, sourceArn: 'arn:{partition}:scheduler:xx-other-1:{account}:schedule/nightly/backup',
  })),
  deny('no SourceArn', Callers.service('scheduler.amazonaws.com', { sourceAccount: HOME })),
  deny('another service with the right source', Callers.service('events.amazonaws.com', {
    sourceAccount: HOME, sourceArn: 'arn:{partition}:scheduler:{region}:{account}:schedule/nightly/backup',
  })),
]);

describeCases('Trust.service(...).withSourceAccount(explicit account)', () => {
  const stack = newStack();
  return { stack, role: new AssumableRole(stack, 'Role', { trust: [Trust.service('cloudformation').withSourceAccount(PARTNER)] }) };
}, [
  allow('on behalf of that account', Callers.service('cloudformation.amazonaws.com', { sourceAccount: PARTNER })),
  deny('on behalf of the role\'s own account', Callers.service('cloudformation.amazonaws.com', { sourceAccount: HOME })),
]);

describeCases('Trust.eksPodIdentity()', () => {
  const stack = newStack();
  return { stack, role: new AssumableRole(stack, 'Pods', { trust: [Trust.eksPodIdentity()] }) };
}, [
  allow('the EKS Pod Identity agent, with session tags', Callers.service('pods.eks.amazonaws.com'), TAGGED),
  deny('eks.amazonaws.com (the cluster service, not Pod Identity)', Callers.service('eks.amazonaws.com'), TAGGED),
  deny('a role of the account', Callers.role(HOME, 'node'), TAGGED),
]);

describeCases('Trust.eksPodIdentity() guarded to one cluster', () => {
  const stack = newStack();
  const trust = Trust.eksPodIdentity().withSourceAccount().withSourceArn('arn:{partition}:eks:{region}:{account}:cluster/prod');
  return { stack, role: new AssumableRole(stack, 'Pods', { trust: [trust] }) };
}, [
  allow('pods of the prod cluster', Callers.service('pods.eks.amazonaws.com', {
    sourceAccount: HOME, sourceArn: 'arn:{partition}:eks:{region}:{account}:cluster/prod',
  }), TAGGED),
  deny('pods of another cluster', Callers.service('pods.eks.amazonaws.com', {
    sourceAccount: HOME, sourceArn: 'arn:{partition}:eks:{region}:{account}:cluster/staging',
  }), TAGGED),
  deny('pods of a cluster in another account', Callers.service('pods.eks.amazonaws.com', {
    sourceAccount: STRANGER, sourceArn: `arn:{partition}:eks:{region}:${STRANGER}:cluster/prod`,
  }), TAGGED),
]);

describeCases('Trust.service("pods.eks.amazonaws.com") (plain service trust, not eksPodIdentity)', () => {
  const stack = newStack();
  return { stack, role: new AssumableRole(stack, 'Pods', { trust: [Trust.service('pods.eks.amazonaws.com')] }) };
}, [
  allow('sts:AssumeRole alone', Callers.service('pods.eks.amazonaws.com')),
  deny('the Pod Identity call, which also needs sts:TagSession', Callers.service('pods.eks.amazonaws.com'), TAGGED),
]);
