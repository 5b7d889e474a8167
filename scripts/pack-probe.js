#!/usr/bin/env node
/**
 * The modules of lib/ that an app of the usual roles loads, printed as a JSON list of files in
 * load order, for scripts/pack-lib.js. The app builds one of each construct with the trust most
 * apps give it, and synthesizes (the checks and limits run then), into a temporary directory.
 *
 * Usage: node scripts/pack-probe.js <lib directory>
 */
const fs = require('fs');
const os = require('os');
const path = require('path');

const lib = path.resolve(process.argv[2]);
const cdk = require('aws-cdk-lib');
const iam = require('aws-cdk-lib/aws-iam');
const roles = require(lib);

const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'pack-probe-'));
try {
  const app = new cdk.App({ outdir });
  const stack = new cdk.Stack(app, 'Probe');
  new roles.ServiceRole(stack, 'Service', {
    services: ['lambda'],
    restrictToSourceAccount: true,
    inlinePolicies: {
      Read: new iam.PolicyDocument({ statements: [new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: ['arn:aws:s3:::bucket/*'] })] }),
    },
    awsManagedPolicyNames: ['service-role/AWSLambdaBasicExecutionRole'],
  });
  new roles.CrossAccountRole(stack, 'CrossAccount', { trustedAccounts: ['111122223333'], externalIds: ['partner'], requireMfa: true });
  new roles.IrsaRole(stack, 'Irsa', {
    issuers: [roles.OidcIssuer.fromIssuerUrl('https://oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE')],
    serviceAccounts: ['default:app'],
  });
  new roles.BoundedRole(stack, 'Bounded', {
    trust: [roles.Trust.githubActions({ repository: 'my-org/my-repo', branches: ['main'] })],
    permissionsBoundary: roles.PermissionsBoundary.fromName('boundary'),
  });
  new roles.AssumableRole(stack, 'Assumable', { trust: [roles.Trust.account('111122223333').requireMfa()] });
  app.synth();
} finally {
  fs.rmSync(outdir, { recursive: true, force: true });
}
const prefix = lib + path.sep;
process.stdout.write(JSON.stringify(Object.keys(require.cache).filter((f) => f.startsWith(prefix))));
