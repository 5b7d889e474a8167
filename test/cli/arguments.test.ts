import { parseCommandLine, UsageError } from '../../src/cli/arguments';

describe('the command line', () => {
  test('review defaults to cdk.out as Markdown on standard output', () => {
    expect(parseCommandLine(['review'])).toEqual({ command: 'review', assembly: 'cdk.out', format: 'markdown', output: undefined, failOn: undefined, trustPolicySizeQuota: undefined });
  });

  test('an assembly, a format, an output file, a failure condition and a quota', () => {
    expect(parseCommandLine(['review', 'out', '--format', 'json', '--output', 'r.json', '--fail-on', 'findings', '--trust-policy-quota', '4096']))
      .toEqual({ command: 'review', assembly: 'out', format: 'json', output: 'r.json', failOn: 'findings', trustPolicySizeQuota: 4096 });
  });

  test('--diff takes the older and the newer assembly', () => {
    expect(parseCommandLine(['review', '--diff', 'old.out', 'new.out', '--fail-on', 'new-access'])).toMatchObject({ diff: { older: 'old.out', newer: 'new.out' }, failOn: 'new-access' });
  });

  test('convert: the input format, the file, the defaults and an output file', () => {
    expect(parseCommandLine(['convert', 'pulumi', 'Pulumi.dev.yaml', '--defaults', '{kind: service}', '-o', 'roles.yaml'])).toMatchObject({
      command: 'convert', output: 'roles.yaml', convert: { from: 'pulumi', input: 'Pulumi.dev.yaml', defaults: '{kind: service}' },
    });
  });

  test('help and version', () => {
    expect(parseCommandLine(['--help']).command).toBe('help');
    expect(parseCommandLine(['review', '-h']).command).toBe('help');
    expect(parseCommandLine(['--version']).command).toBe('version');
  });

  test.each([
    [[], 'Give a command: review or convert.'],
    [['inspect'], 'Unknown command "inspect": the commands are review and convert.'],
    [['review', '--defaults', '{}'], '--defaults is an option of convert.'],
    [['convert'], 'convert reads "operator" manifests or a "pulumi" config; got nothing.'],
    [['convert', 'terraform', 'main.tf'], 'convert reads "operator" manifests or a "pulumi" config; got "terraform".'],
    [['convert', 'operator'], 'convert operator takes one file; got 0.'],
    [['convert', 'pulumi', 'Pulumi.dev.yaml'], 'convert pulumi needs --defaults: the roles of an iam-roles config have no trust; say who assumes them, e.g. --defaults \'{kind: cross-account, trustedRoleArns: [...]}\'.'],
    [['review', '--format', 'html'], '--format "html" is not one of markdown, json, mermaid.'],
    [['review', '--fail-on', 'anything'], '--fail-on "anything" is not one of new-access (with --diff), findings.'],
    [['review', '--trust-policy-quota', '2k'], '--trust-policy-quota "2k" is not a positive whole number of characters.'],
    [['review', 'a', 'b'], 'review takes one assembly directory; got 2. To compare two, use --diff OLD NEW.'],
    [['review', '--fail-on', 'new-access'], '--fail-on new-access compares two assemblies: use it with --diff OLD NEW.'],
    [['review', '--diff', 'only-one'], '--diff takes two assembly directories, OLD and NEW; got 1.'],
    [['review', '--diff', 'a', 'b', '--fail-on', 'findings'], '--fail-on findings is for a review; with --diff, use --fail-on new-access.'],
    [['review', '--diff', 'a', 'b', '--format', 'mermaid'], '--format mermaid draws the trust graph of one assembly; a diff is markdown or json.'],
  ])('%j is refused: %s', (args, message) => {
    expect(() => parseCommandLine(args)).toThrow(new UsageError(message));
  });

  test('an unknown option is refused with Node\'s own message', () => {
    expect(() => parseCommandLine(['review', '--colour'])).toThrow(UsageError);
    expect(() => parseCommandLine(['review', '--colour'])).toThrow(/--colour/);
  });
});
