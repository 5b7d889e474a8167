/**
 * Bad input to allowSelfAssume (src/private/self-assume.ts): a path that aws:PrincipalArn would
 * read as a pattern, and an inline policy that takes the name of the one it adds. Each row is
 * built in a fresh stack and must give exactly the outcome a user sees; the tables and their
 * runners are in test/support/bad-input.ts.
 */
import { AcceptedRow, describeAcceptedRows, describeErrorRows, ErrorRow, role } from '../support/bad-input';
import { stringParameter } from '../support/stacks';

const PATH_RULE = 'a self-assuming role (allowSelfAssume) is named in its own trust policy by aws:PrincipalArn, '
  + 'where *, ? are wildcards and ${...} a policy variable: use a path without *, ?, $, { and }';

const ERROR_ROWS: ErrorRow[] = [
  {
    name: 'a path with a wildcard',
    build: (s) => role(s, { allowSelfAssume: true, path: '/ops*/' }),
    at: 'construction',
    error: `Stack/Role: invalid path "/ops*/": ${PATH_RULE}`,
  },
  {
    name: 'a path with a policy variable',
    build: (s) => role(s, { allowSelfAssume: true, path: '/${aws:username}/' }),
    at: 'construction',
    error: `Stack/Role: invalid path "/\${aws:username}/": ${PATH_RULE}`,
  },
  {
    name: 'an inline policy named AssumeSelf',
    build: (s) => role(s, { allowSelfAssume: true, inlinePolicyJson: { AssumeSelf: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:ListBucket', Resource: '*' }] } } }),
    at: 'construction',
    error: 'Stack/Role: invalid inlinePolicyJson.AssumeSelf "AssumeSelf": allowSelfAssume adds the inline policy AssumeSelf; give your policy another name',
  },
];

const ACCEPTED_ROWS: AcceptedRow[] = [
  { name: 'a path that is a token', build: (s) => role(s, { allowSelfAssume: true, roleName: 'deployer', path: stringParameter(s) }), inTemplate: '":iam::",{"Ref":"AWS::AccountId"},":role",{"Ref":"P"},"deployer"' },
  { name: 'a path with * when the role does not assume itself', build: (s) => role(s, { path: '/ops*/' }), inTemplate: '"Path":"/ops*/"' },
];

describeErrorRows('allowSelfAssume: bad inputs throw the exact error', ERROR_ROWS);
describeAcceptedRows('allowSelfAssume: accepted inputs', ACCEPTED_ROWS);
