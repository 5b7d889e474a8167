import * as fs from 'fs';
import * as path from 'path';
import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { synthExampleApp } from './example-app';
import { ReviewFormat, RoleReview } from '../../src/review/role-review';
import { useTempAssemblies, useTempDirectories } from '../support/assemblies';

const synth = useTempAssemblies();
const tempDir = useTempDirectories();
const GOLDEN = path.join(__dirname, 'golden');

describe('the review as Markdown', () => {
  test('the example app, against its golden file (read line by line when it changes)', () => {
    const review = RoleReview.fromAssembly(synthExampleApp(tempDir()));
    expect(review.render(ReviewFormat.MARKDOWN)).toBe(fs.readFileSync(path.join(GOLDEN, 'example-app.md'), 'utf-8'));
  });

  test('placeholders show as text, never as HTML; table cells stay one cell', () => {
    const dir = synth((app) => {
      const stack = new Stack(app, 'S');
      new iam.CfnRole(stack, 'Odd', {
        description: 'a | b <c>',
        assumeRolePolicyDocument: { Statement: [{ Effect: 'Allow', Principal: { AWS: { 'Fn::GetAtt': ['Thing', 'Arn'] } }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'sts:ExternalId': 'a|b' } } }] },
      });
    });
    const markdown = RoleReview.fromAssembly(dir).render(ReviewFormat.MARKDOWN);
    expect(markdown).toContain('| `S/Odd` | &lt;S/Thing.Arn&gt; with ExternalId a\\|b | AssumeRole |');
    expect(markdown).toContain('- description: a \\| b &lt;c&gt;');
  });

  test('an assembly without roles says so', () => {
    const dir = synth((app) => { new Stack(app, 'Empty'); });
    expect(RoleReview.fromAssembly(dir).render(ReviewFormat.MARKDOWN)).toBe([
      '# Who can assume what',
      '',
      '0 roles in 0 stacks; 0 trusted parties (0 cross-account); findings: 0 errors, 0 warnings, 0 infos.',
      '',
      'The assembly has no `AWS::IAM::Role`.',
      '',
    ].join('\n'));
  });
});
