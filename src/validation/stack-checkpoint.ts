/**
 * Where the roles of a stack are checked: an element at the end of the stack that adds nothing
 * to the template. CDK resolves a stack's elements in order when it writes the template, so when
 * this element is reached, the documents of the stack's roles have just been resolved and kept
 * (`captured-value.ts`), and the stack's metadata (where findings go) is not written yet:
 * checking there costs no resolution of its own.
 */
import { CfnElement, Stack } from 'aws-cdk-lib';
import { CfnManagedPolicy, CfnPolicy, CfnRole } from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { captureProperties, currentTemplatePass, inTemplatePass } from './captured-value';

/** One role's checks: adds its findings as annotations and returns its errors (which fail synthesis). */
export interface RoleCheckTask {
  readonly role: CfnRole;
  /** The construct errors are reported at (the library's construct, or the role). */
  readonly source: Construct;
  run(): string[];
}

const CHECKPOINT_ID = 'CdkAssumableRolesChecks';
/** The properties of a policy resource the checks read (identity policies attached to roles). */
const POLICY_PROPERTIES = ['policyDocument', 'roles'];
const TASKS = new WeakMap<Stack, RoleCheckTask[]>();

/**
 * For the benchmark (bench/checks-probe.ts), not part of the API: the time spent checking
 * since `ms` was last reset, and a switch that skips the checks ("ours without checks").
 */
export const CHECKING = { ms: 0, disabled: false };

class RoleChecksCheckpoint extends CfnElement {
  private checkedPass = -1;

  constructor(scope: Construct, private readonly tasks: RoleCheckTask[]) {
    super(scope, CHECKPOINT_ID);
  }

  /** Called by CDK when it prepares the app and when it writes the template. */
  public _toCloudFormation(): object {
    // Only in a template pass (not while CDK prepares the app), once per pass.
    if (inTemplatePass() && this.checkedPass !== currentTemplatePass() && !CHECKING.disabled) {
      this.checkedPass = currentTemplatePass();
      const start = performance.now();
      const errors = this.tasks.flatMap((task) => task.run().map((message) => `[${task.source.node.path}] ${message}`));
      CHECKING.ms += performance.now() - start;
      if (errors.length > 0) {
        // The shape of CDK's own validation errors (these checks were validations once).
        throw new Error(`Validation failed with the following errors:\n  ${errors.join('\n  ')}`);
      }
    }
    return {};
  }
}

/**
 * Checks `task.role` when the template of its stack is written (a nested stack's roles with the
 * nested stack's template). When the app is validated, after every aspect has run, the stack's
 * checkpoint is made again as its last child, so it comes after every role of the stack.
 * Skipping validation (`app.synth({ skipValidation: true })`) skips the checks.
 */
export function checkWithTemplate(task: RoleCheckTask): void {
  const stack = Stack.of(task.role);
  let tasks = TASKS.get(stack);
  if (!tasks) {
    const stackTasks: RoleCheckTask[] = [];
    tasks = stackTasks;
    TASKS.set(stack, stackTasks);
    stack.node.addValidation({
      validate: () => {
        // The policy resources of the stack (e.g. a role's default policy, made on its first
        // grant) are kept too, so the checks read the policies attached to a role unresolved.
        for (const c of stack.node.findAll()) {
          if (c instanceof CfnPolicy || c instanceof CfnManagedPolicy) captureProperties(c, POLICY_PROPERTIES);
        }
        stack.node.tryRemoveChild(CHECKPOINT_ID);
        new RoleChecksCheckpoint(stack, stackTasks);
        return [];
      },
    });
  }
  tasks.push(task);
}
