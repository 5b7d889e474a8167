/**
 * The scenarios in this (warm) process: built with aws-cdk-lib and the library's sources, which
 * ts-node compiles once, so the timed runs execute the same JavaScript the package ships.
 * The cold process loads the compiled package instead (bench/cold-run-child.ts).
 */
import * as cdk from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { addScenarioRoles, makeScenarios, Scenario, Variant } from './scenario-kinds';
import * as library from '../src';

export { Scenario, Variant } from './scenario-kinds';

export const SCENARIOS: Scenario[] = makeScenarios({ cdk, iam, library: () => library });

/** The same kinds, with documents that differ from role to role (nothing shared between roles). */
export const DISTINCT_SCENARIOS: Scenario[] = makeScenarios({ cdk, iam, library: () => library }, true);

/** Adds `count` roles to `scope` (ids R<offset>, ...), cycling through the four kinds or all of kind `only`. */
export function addRoles(scope: Construct, variant: Variant, count: number, offset = 0, only?: Scenario, scenarios = SCENARIOS): void {
  addScenarioRoles(scenarios, scope, variant, count, offset, only);
}
