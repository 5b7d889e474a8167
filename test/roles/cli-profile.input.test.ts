/**
 * Bad input to cliProfile (src/private/handoff/cli-profile.ts): the AWS CLI profile of a role.
 * Each row is built in a fresh stack and must give exactly the outcome a user sees; the tables and
 * their runners are in test/support/bad-input.ts.
 */
import { describeErrorRows, ErrorRow, role } from '../support/bad-input';

const ERROR_ROWS: ErrorRow[] = [
  {
    name: 'cliProfile with a space in the profile name',
    build: (s) => role(s).cliProfile({ profileName: 'my profile', sourceProfile: 'default' }),
    at: 'construction',
    error: 'Stack/Role: invalid cliProfile "my profile": profileName "my profile" may contain only letters, digits and _.@+=,-',
  },
  {
    name: 'cliProfile with no credential source',
    build: (s) => role(s).cliProfile({ profileName: 'dev' }),
    at: 'construction',
    error: 'Stack/Role: invalid cliProfile "dev": give exactly one of sourceProfile, credentialSource and webIdentityTokenFile',
  },
];

describeErrorRows('cliProfile: bad inputs throw the exact error', ERROR_ROWS);
