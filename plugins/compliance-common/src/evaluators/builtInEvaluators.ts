import { auditLoggingDeclared } from './auditLoggingDeclared';
import { capabilitiesDropped } from './capabilitiesDropped';
import { credentialsRotated } from './credentialsRotated';
import { dataClassificationDeclared } from './dataClassificationDeclared';
import { databaseBackupFresh } from './databaseBackupFresh';
import { dedicatedServiceAccount } from './dedicatedServiceAccount';
import { forbiddenServiceType } from './forbiddenServiceType';
import { ingressTls } from './ingressTls';
import { lifecycleDeclared } from './lifecycleDeclared';
import { minimumReplicas } from './minimumReplicas';
import { networkPolicySelectsWorkload } from './networkPolicySelectsWorkload';
import { noPrivilegeEscalation } from './noPrivilegeEscalation';
import { onCallDeclared } from './onCallDeclared';
import { ownerIsGroup } from './ownerIsGroup';
import { pinnedImages } from './pinnedImages';
import { podDisruptionBudget } from './podDisruptionBudget';
import { readOnlyRootFilesystem } from './readOnlyRootFilesystem';
import {
  registerEvaluator,
  type RegisteredEvaluator,
} from './registerEvaluator';
import { restoreTested } from './restoreTested';
import { runAsNonRoot } from './runAsNonRoot';
import { serviceAccountTokenNotMounted } from './serviceAccountTokenNotMounted';
import { unregisteredWorkloads } from './unregisteredWorkloads';

/**
 * Every built-in evaluator, by name. Controls refer to these names; the
 * controls parser refuses any other.
 *
 * @public
 */
export const builtInEvaluators: ReadonlyMap<string, RegisteredEvaluator> =
  new Map(
    [
      registerEvaluator(dedicatedServiceAccount),
      registerEvaluator(serviceAccountTokenNotMounted),
      registerEvaluator(auditLoggingDeclared),
      registerEvaluator(readOnlyRootFilesystem),
      registerEvaluator(noPrivilegeEscalation),
      registerEvaluator(pinnedImages),
      registerEvaluator(runAsNonRoot),
      registerEvaluator(capabilitiesDropped),
      registerEvaluator(ingressTls),
      registerEvaluator(networkPolicySelectsWorkload),
      registerEvaluator(forbiddenServiceType),
      registerEvaluator(databaseBackupFresh),
      registerEvaluator(restoreTested),
      registerEvaluator(minimumReplicas),
      registerEvaluator(podDisruptionBudget),
      registerEvaluator(credentialsRotated),
      registerEvaluator(ownerIsGroup),
      registerEvaluator(dataClassificationDeclared),
      registerEvaluator(lifecycleDeclared),
      registerEvaluator(onCallDeclared),
      registerEvaluator(unregisteredWorkloads),
    ].map(evaluator => [evaluator.name, evaluator]),
  );
