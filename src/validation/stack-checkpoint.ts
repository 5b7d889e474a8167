/**
 * Where the roles of a stack are checked: an element at the end of the stack that adds nothing
 * to the template. CDK resolves a stack's elements in order when it writes the template, so when
 * this element is reached, the trust policies of the stack's roles have just been resolved and
 * kept (`captured-value.ts`), and the stack's metadata (where findings go) is not written yet:
 * checking there resolves them no second time.
 *
 * CDK also calls every element while it prepares the app; a second element, earlier in the
 * stack, tells the two apart by noting how it is resolved (`noteResolution`).
 */
import { CfnElement, IResolvable, IResolveContext, Stack, Token } from 'aws-cdk-lib';
import { CfnRole } from 'aws-cdk-lib/aws-iam';
import { Construct, IConstruct } from 'constructs';
import { currentTemplatePass, inTemplatePass, noteResolution } from './captured-value';

/** One role's checks: adds its findings as annotations and returns its errors (which fail synthesis). */
export interface RoleCheckTask {
  readonly role: CfnRole;
  /** The construct errors are reported at (the library's construct, or the role). */
  readonly source: IConstruct;
  run(): string[];
}

const CHECKPOINT_ID = 'CdkAssumableRolesChecks';
const PASS_MARKER_ID = 'CdkAssumableRolesPass';
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
      // A plain loop: most roles return no error, and need no array or closure of their own.
      const errors: string[] = [];
      for (let i = 0; i < this.tasks.length; i++) {
        const task = this.tasks[i];
        const messages = task.run();
        for (let m = 0; m < messages.length; m++) {
          errors.push(`[${task.source.node.path}] ${messages[m]}`);
        }
      }
      CHECKING.ms += performance.now() - start;
      if (errors.length > 0) {
        // The shape of CDK's own validation errors (these checks were validations once).
        throw new Error(`Validation failed with the following errors:\n  ${errors.join('\n  ')}`);
      }
    }
    return {};
  }
}

/** An element that adds nothing to the template and notes whether CDK prepares the app or writes the template. */
class TemplatePassMarker extends CfnElement {
  public _toCloudFormation(): object {
    return NOTE_RESOLUTION;
  }
}

/** Resolves to an empty fragment, noting how it is resolved. */
const NOTE_RESOLUTION: IResolvable = {
  creationStack: [],
  resolve: (context: IResolveContext) => {
    noteResolution(context.preparing);
    return {};
  },
  toString: () => Token.asString(NOTE_RESOLUTION),
};

/**
 * Checks `task.role` when the template of its stack is written (a nested stack's roles with the
 * nested stack's template). When the app is validated, after every aspect has run, the stack's
 * checkpoint is made again as its last child, so it comes after every role of the stack.
 * Skipping validation (`app.synth({ skipValidation: true })`) skips the checks.
 */
export function checkWithTemplate(task: RoleCheckTask): void {
  // A resource's own stack (CfnElement.stack is Stack.of it, kept when it was made).
  const stack = task.role.stack;
  let tasks = TASKS.get(stack);
  if (!tasks) {
    const stackTasks: RoleCheckTask[] = [];
    tasks = stackTasks;
    TASKS.set(stack, stackTasks);
    new TemplatePassMarker(stack, PASS_MARKER_ID);
    stack.node.addValidation({
      validate: () => {
        stack.node.tryRemoveChild(CHECKPOINT_ID);
        new RoleChecksCheckpoint(stack, stackTasks);
        return [];
      },
    });
  }
  tasks.push(task);
}
