import * as fs from 'fs';
import * as path from 'path';
import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { synthExampleApp } from './example-app';
import { ReviewFormat, RoleReview } from '../../src/review/role-review';
import { useTempAssemblies, useTempDirectories } from '../support/assemblies';

const synth = useTempAssemblies();
const tempDir = useTempDirectories();

describe('the trust graph as Mermaid', () => {
  test('the example app, against its golden file', () => {
    const review = RoleReview.fromAssembly(synthExampleApp(tempDir()));
    expect(review.render(ReviewFormat.MERMAID)).toBe(fs.readFileSync(path.join(__dirname, 'golden', 'example-app.mmd'), 'utf-8'));
  });

  test('role-to-role edges, cross-account edges dashed, cycles in red', () => {
    const dir = synth((app) => {
      const stack = new Stack(app, 'S', { env: { account: '111111111111', region: 'us-east-1' } });
      const one = new iam.Role(stack, 'One', { roleName: 'one', assumedBy: new iam.ArnPrincipal('arn:aws:iam::111111111111:role/two') });
      new iam.Role(stack, 'Two', { roleName: 'two', assumedBy: new iam.ArnPrincipal(one.roleArn) });
      new iam.Role(stack, 'Partner', { assumedBy: new iam.AccountPrincipal('222233334444').withConditions({ StringEquals: { 'sts:ExternalId': 'x"y' } }) });
    });
    const mermaid = RoleReview.fromAssembly(dir).render(ReviewFormat.MERMAID);
    expect(mermaid.split('\n')).toEqual([
      'flowchart LR',
      '  r0["S/One"]:::cycle',
      '  r1["S/Two"]:::cycle',
      '  r2["S/Partner"]',
      '  p0(["account 222233334444 (root)"]):::outside',
      '  r1 --> r0',
      '  r0 --> r1',
      '  p0 -.->|"ExternalId x#quot;y"| r2',
      '  classDef party fill:#eef,stroke:#557',
      '  classDef outside fill:#fee,stroke:#a55',
      '  classDef cycle stroke:#d00,stroke-width:3px',
      '  linkStyle 0,1 stroke:#d00,stroke-width:3px',
      '  linkStyle 2 stroke:#a55',
      '',
    ]);
  });

  test('a role named only in aws:PrincipalArn is an edge too', () => {
    const dir = synth((app) => {
      const stack = new Stack(app, 'S', { env: { account: '111111111111', region: 'us-east-1' } });
      new iam.Role(stack, 'Caller', { roleName: 'caller', assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
      new iam.Role(stack, 'Target', {
        assumedBy: new iam.AccountRootPrincipal().withConditions({ ArnEquals: { 'aws:PrincipalArn': 'arn:aws:iam::111111111111:role/caller' } }),
      });
    });
    const mermaid = RoleReview.fromAssembly(dir).render(ReviewFormat.MERMAID);
    expect(mermaid).toContain('  r0 -->|"aws:PrincipalArn"| r1');
  });
});
