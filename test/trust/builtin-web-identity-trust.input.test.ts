/**
 * Bad input to trust in the web identity providers built into STS
 * (src/trust/builtin-web-identity-trust.ts): Cognito identity pools, Google, Facebook and Login
 * with Amazon. Each row is built in a fresh stack and must give exactly the outcome a user sees;
 * the tables and their runners are in test/support/bad-input.ts.
 */
import { Trust } from '../../src';
import { AcceptedRow, describeAcceptedRows, describeErrorRows, ErrorRow, REF_P, trusting } from '../support/bad-input';
import { stringParameter } from '../support/stacks';

const POOL = 'us-east-1:0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0';
const POOL_RULE = 'must be written "<region>:<GUID>" in lowercase, e.g. "us-east-1:0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0" (Cognito identity pool and identity IDs)';
const ID_RULE = 'must be a non-empty ID without whitespace or the wildcards * and ? (it is compared exactly)';

const ERROR_ROWS: ErrorRow[] = [
  // ---- Cognito identity pools ----
  {
    name: 'Cognito identity pool ID without the Region',
    build: (s) => trusting(s, Trust.cognitoIdentityPool('0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0')),
    at: 'construction',
    error: 'Stack/Role: invalid trust[0] "Trust.cognitoIdentityPool(0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0, authenticated)": '
      + `identity pool ID "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0" ${POOL_RULE}`,
  },
  {
    name: 'Cognito identity pool ID in upper case',
    build: (s) => trusting(s, Trust.cognitoIdentityPool('us-east-1:0F1E2D3C-4B5A-6978-8796-A5B4C3D2E1F0')),
    at: 'construction',
    error: 'Stack/Role: invalid trust[0] "Trust.cognitoIdentityPool(us-east-1:0F1E2D3C-4B5A-6978-8796-A5B4C3D2E1F0, authenticated)": '
      + `identity pool ID "us-east-1:0F1E2D3C-4B5A-6978-8796-A5B4C3D2E1F0" ${POOL_RULE}`,
  },
  {
    name: 'Cognito identity pool given by its name instead of its ID',
    build: (s) => trusting(s, Trust.cognitoIdentityPool('my_identity_pool')),
    at: 'construction',
    error: `Stack/Role: invalid trust[0] "Trust.cognitoIdentityPool(my_identity_pool, authenticated)": identity pool ID "my_identity_pool" ${POOL_RULE}`,
  },
  {
    name: 'Cognito identity pool ID that is empty (no audience)',
    build: (s) => trusting(s, Trust.cognitoIdentityPool('')),
    at: 'construction',
    error: `Stack/Role: invalid trust[0] "Trust.cognitoIdentityPool(, authenticated)": identity pool ID "" ${POOL_RULE}`,
  },
  {
    name: 'Cognito identity pool ID with a wildcard (any pool of the Region)',
    build: (s) => trusting(s, Trust.cognitoIdentityPool('us-east-1:*')),
    at: 'construction',
    error: `Stack/Role: invalid trust[0] "Trust.cognitoIdentityPool(us-east-1:*, authenticated)": identity pool ID "us-east-1:*" ${POOL_RULE}`,
  },
  {
    name: 'Cognito trust for neither authenticated nor unauthenticated identities',
    build: (s) => trusting(s, Trust.cognitoIdentityPool(POOL, { authenticated: false })),
    at: 'construction',
    error: `Stack/Role: invalid trust[0] "Trust.cognitoIdentityPool(${POOL})": Trust.cognitoIdentityPool lets in neither authenticated nor `
      + 'unauthenticated identities (authenticated and unauthenticated are false): set one of them to true',
  },
  {
    name: 'Cognito identity ID that is not <region>:<GUID>',
    build: (s) => trusting(s, Trust.cognitoIdentityPool(POOL, { identityIds: ['alice'] })),
    at: 'construction',
    error: `Stack/Role: invalid trust[0] "Trust.cognitoIdentityPool(${POOL}, authenticated)": identity ID "alice" ${POOL_RULE}`,
  },
  {
    name: 'Cognito identityIds given empty',
    build: (s) => trusting(s, Trust.cognitoIdentityPool(POOL, { identityIds: [] })),
    at: 'construction',
    error: `Stack/Role: invalid trust[0] "Trust.cognitoIdentityPool(${POOL}, authenticated)": Trust.cognitoIdentityPool: identityIds is empty; `
      + 'leave it out to allow any, or name at least one',
  },

  // ---- Google, Facebook, Login with Amazon: the audience is required ----
  {
    name: 'Trust.google without a client ID',
    build: (s) => trusting(s, Trust.google([])),
    at: 'construction',
    error: 'Stack/Role: invalid trust[0] "Trust.google()": Trust.google needs at least one client ID ("accounts.google.com:aud"); '
      + 'without it tokens issued to any application would be accepted',
  },
  {
    name: 'Trust.facebook without an app ID',
    build: (s) => trusting(s, Trust.facebook([])),
    at: 'construction',
    error: 'Stack/Role: invalid trust[0] "Trust.facebook()": Trust.facebook needs at least one app ID ("graph.facebook.com:app_id"); '
      + 'without it tokens issued to any application would be accepted',
  },
  {
    name: 'Trust.loginWithAmazon without an app ID',
    build: (s) => trusting(s, Trust.loginWithAmazon([])),
    at: 'construction',
    error: 'Stack/Role: invalid trust[0] "Trust.loginWithAmazon()": Trust.loginWithAmazon needs at least one app ID ("www.amazon.com:app_id"); '
      + 'without it tokens issued to any application would be accepted',
  },
  {
    name: 'Google client ID that is a wildcard',
    build: (s) => trusting(s, Trust.google(['*.apps.googleusercontent.com'])),
    at: 'construction',
    error: `Stack/Role: invalid trust[0] "Trust.google(*.apps.googleusercontent.com)": client ID "*.apps.googleusercontent.com" ${ID_RULE}`,
  },
  {
    name: 'Facebook app ID that is empty',
    build: (s) => trusting(s, Trust.facebook([''])),
    at: 'construction',
    error: `Stack/Role: invalid trust[0] "Trust.facebook()": app ID "" ${ID_RULE}`,
  },
  {
    name: 'Login with Amazon user ID with a space',
    build: (s) => trusting(s, Trust.loginWithAmazon(['amzn1.application-oa2-client.5d'], { userIds: ['amzn1.account.AF2 EXAMPLE'] })),
    at: 'construction',
    error: `Stack/Role: invalid trust[0] "Trust.loginWithAmazon(amzn1.application-oa2-client.5d)": user ID "amzn1.account.AF2 EXAMPLE" ${ID_RULE}`,
  },
  {
    name: 'Google originalAudiences given empty',
    build: (s) => trusting(s, Trust.google(['client-1'], { originalAudiences: [] })),
    at: 'construction',
    error: 'Stack/Role: invalid trust[0] "Trust.google(client-1)": Trust.google: originalAudiences is empty; leave it out to allow any, or name at least one',
  },
];

describeErrorRows('Built-in web identity trust: bad inputs throw the exact error', ERROR_ROWS);

const ACCEPTED_ROWS: AcceptedRow[] = [
  {
    name: 'Cognito identity pool ID that is a token (e.g. IdentityPool.identityPoolId)',
    build: (s) => trusting(s, Trust.cognitoIdentityPool(stringParameter(s))),
    inTemplate: `"cognito-identity.amazonaws.com:aud":${REF_P}`,
  },
  {
    name: 'Google client ID that is a token',
    build: (s) => trusting(s, Trust.google([stringParameter(s)])),
    inTemplate: `"accounts.google.com:aud":${REF_P}`,
  },
  {
    name: 'Facebook user ID that is a token',
    build: (s) => trusting(s, Trust.facebook(['111222333444555'], { userIds: [stringParameter(s)] })),
    inTemplate: `"graph.facebook.com:id":${REF_P}`,
  },
];

describeAcceptedRows('Built-in web identity trust: accepted inputs: tokens are skipped, never crash', ACCEPTED_ROWS);
