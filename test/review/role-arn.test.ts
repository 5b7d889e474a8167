import { namedRole, roleMarker } from '../../src/review/role-arn';

const OWN = '123456789012';

describe('namedRole', () => {
  test.each([
    ['a role ARN', 'arn:aws:iam::999999999999:role/jenkins', { kind: 'name', account: '999999999999', path: '/', name: 'jenkins' }],
    ['a role ARN with a path', 'arn:aws-cn:iam::999999999999:role/ci/build/deployer', { kind: 'name', account: '999999999999', path: '/ci/build/', name: 'deployer' }],
    ['the stack\'s own account', 'arn:{partition}:iam::{account}:role/ops', { kind: 'name', account: OWN, path: '/', name: 'ops' }],
    ['a role session', 'arn:aws:sts::999999999999:assumed-role/jenkins/build-1', { kind: 'name', account: '999999999999', name: 'jenkins' }],
    ['a reference to a role\'s ARN', roleMarker(3, 'Arn'), { kind: 'reference', index: 3 }],
    ['a reference to a role\'s name inside an ARN', `arn:{partition}:iam::{account}:role/${roleMarker(5, 'Ref')}`, { kind: 'reference', index: 5 }],
  ])('reads %s', (_what, value, expected) => {
    expect(namedRole(value, OWN)).toEqual(expected);
  });

  test.each([
    ['an account root', 'arn:aws:iam::999999999999:root'],
    ['a bare account ID', '999999999999'],
    ['a user', 'arn:aws:iam::999999999999:user/alice'],
    ['a wildcard', '*'],
    ['a wildcard name', 'arn:aws:iam::999999999999:role/ci-*'],
    ['a deploy-time name', 'arn:aws:iam::999999999999:role/{token}'],
    ['a deploy-time account', 'arn:aws:iam::{token}:role/ops'],
  ])('names no role for %s', (_what, value) => {
    expect(namedRole(value, OWN)).toBeUndefined();
  });
});
