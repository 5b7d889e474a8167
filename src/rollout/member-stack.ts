import {
  DockerImageAssetLocation, DockerImageAssetSource, FileAssetLocation, FileAssetPackaging, FileAssetSource, Fn, ISynthesisSession, Stack, StackProps,
  StackSynthesizer,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';

/** The CDK bootstrap qualifier every default-synthesized stack uses unless told otherwise. */
const DEFAULT_QUALIFIER = 'hnb659fds';

/** An asset a construct of the member stack asked for; nothing uploads it to the member accounts. */
export interface MemberAsset {
  readonly kind: 'file' | 'docker image';
  readonly sourceHash: string;
}

/**
 * The stack whose template a `RoleRollout`'s StackSet deploys to every target account.
 *
 * It is a stack of its own (so its roles get their own logical IDs, `Stack.of` finds it, and it
 * is environment-agnostic: one template for every account), placed under the rollout in the
 * construct tree so that the app's aspects, tags and checks reach it. Its synthesizer writes
 * its template into the cloud assembly for inspection but emits no stack artifact: the cdk CLI
 * neither lists nor deploys it, and CloudFormation receives it only as the StackSet's
 * TemplateBody.
 */
export class MemberStack extends Stack {
  public constructor(scope: Construct, id: string, synthesizer: MemberStackSynthesizer, props: StackProps = {}) {
    super(scope, id, {
      ...props,
      synthesizer,
      // No AWS::CDK::Metadata resource: it would take TemplateBody bytes in every account.
      analyticsReporting: false,
    });
  }

  /** The template as CloudFormation will receive it, rendered now. */
  public renderTemplate(): any {
    return this._toCloudFormation();
  }
}

/**
 * Synthesizes a `MemberStack`: its template file, no artifact, no bootstrap version rule (the
 * member accounts need not be bootstrapped). Assets are recorded and placed where a default
 * synthesizer would put them, the bootstrap bucket and repository of each member account,
 * which StackSets never fill: the rollout warns about them.
 */
export class MemberStackSynthesizer extends StackSynthesizer {
  public readonly assets: MemberAsset[] = [];

  /**
   * @param onSynthesize called when the member stack is synthesized, after its template file is
   * written: after the app's aspects and validations, before the rollout's own stack
   * (synthesis visits children first)
   */
  public constructor(private readonly onSynthesize: (session: ISynthesisSession) => void) {
    super();
  }

  public addFileAsset(asset: FileAssetSource): FileAssetLocation {
    this.assets.push({ kind: 'file', sourceHash: asset.sourceHash });
    const bucketName = Fn.sub(`cdk-${DEFAULT_QUALIFIER}-assets-\${AWS::AccountId}-\${AWS::Region}`);
    const objectKey = `${asset.sourceHash}${asset.packaging === FileAssetPackaging.ZIP_DIRECTORY ? '.zip' : ''}`;
    return {
      bucketName,
      objectKey,
      httpUrl: `https://s3.${this.boundStack.region}.${this.boundStack.urlSuffix}/${bucketName}/${objectKey}`,
      s3ObjectUrl: `s3://${bucketName}/${objectKey}`,
    };
  }

  public addDockerImageAsset(asset: DockerImageAssetSource): DockerImageAssetLocation {
    this.assets.push({ kind: 'docker image', sourceHash: asset.sourceHash });
    const repositoryName = Fn.sub(`cdk-${DEFAULT_QUALIFIER}-container-assets-\${AWS::AccountId}-\${AWS::Region}`);
    return {
      repositoryName,
      imageUri: `${this.boundStack.account}.dkr.ecr.${this.boundStack.region}.${this.boundStack.urlSuffix}/${repositoryName}:${asset.sourceHash}`,
      imageTag: asset.sourceHash,
    };
  }

  public synthesize(session: ISynthesisSession): void {
    this.synthesizeTemplate(session);
    this.onSynthesize(session);
  }
}
