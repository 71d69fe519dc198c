// The Kubernetes manifest of the ACI CNI, built from a Config: the ACI CNI's
// own objects (aci-containers.yaml), wrapped with the operator that manages
// them, as the `-o`, `-r` and `-z` outputs.
import type { Config } from '../config/types.js';
import { buildAciContainersConfig } from './aci-containers-config.js';
import { buildCiliumCniConfig } from './cilium.js';
import { Ctx, truthy } from './context.js';
import { buildControllerDeployment } from './controller.js';
import { buildCrds, crd } from './crds.js';
import { buildLsyncdConfig } from './dpu.js';
import { buildHostAgentDaemonSet } from './host-agent.js';
import { buildLimitRange } from './limit-range.js';
import { buildNamespace, buildPriorityClass } from './namespace.js';
import type { KubeObject } from './object.js';
import { buildOpenvswitchDaemonSet } from './openvswitch.js';
import { buildOperator } from './operator.js';
import { buildAccProvisionConfig, buildAciOperatorConfig } from './operator-config.js';
import { buildOperatorCr } from './operator-cr.js';
import { buildPrivilegedSccRole, buildScc } from './openshift-security.js';
import { buildRbac } from './rbac.js';
import { renderDoc, renderDocs } from './render.js';
import { buildApicCaSecret, buildUserCertSecret } from './secrets.js';
import { buildServiceAccount } from './service-accounts.js';
import { buildSnatOperatorConfig } from './snat-operator-config.js';
import { buildSriov } from './sriov.js';
import { buildWebhook } from './webhook.js';
import { tarEntryName } from './tar-names.js';
import { manifestFamily, type TarEntry } from './families.js';
import { flavorFamily } from '../config/flavors.js';
import { renderFamilyFiles } from './family-files.js';

export type { KubeObject } from './object.js';

export interface ManifestFiles {
  /** The whole manifest (`-o`), multi-document YAML. */
  kube: string;
  /** The AciContainersOperator custom resource (`-r`). */
  operatorCr: string;
  /** The operator tarball's files (`-z`), in order: name and YAML content. */
  tarFiles: TarEntry[];
  /**
   * Outputs the family has none of (RKE: operator resource and tarball;
   * Calico: manifest and operator resource): their files are not written at
   * all, as the Python tool writes none.
   */
  absent?: ReadonlyArray<'kube' | 'operatorCr' | 'tarball'>;
}

const present = (o: KubeObject | undefined): o is KubeObject => o !== undefined;

/** The objects of aci-containers.yaml, in the ACI CNI's order. */
export function buildAciContainers(ctx: Ctx): KubeObject[] {
  const objs: (KubeObject | undefined)[] = [];
  if (!ctx.overlay) objs.push(buildNamespace(ctx));
  if (truthy(ctx.c.kube_config.use_acicni_priority_class)) objs.push(buildPriorityClass(ctx));
  objs.push(...buildCrds(ctx), buildAciContainersConfig(ctx));
  if (ctx.fullCni) objs.push(buildSnatOperatorConfig(ctx));
  objs.push(buildUserCertSecret(ctx), buildApicCaSecret(ctx), buildServiceAccount(ctx, 'aci-containers-controller'));
  const roles = [...buildRbac(ctx), ...buildPrivilegedSccRole(ctx), buildScc(ctx)].filter(present);
  // The reference manifest separates the host agent's ServiceAccount from the
  // next object only through these role blocks; without any, both share one
  // YAML document and the later object's keys replace the ServiceAccount's.
  // Its object set is reproduced: no host agent ServiceAccount then (the
  // cluster administrator provides the accounts along with the roles).
  if (roles.length > 0) objs.push(buildServiceAccount(ctx, 'aci-containers-host-agent'));
  objs.push(...roles);
  if (ctx.chained || !ctx.aaepMonitoring) objs.push(buildHostAgentDaemonSet(ctx));
  if (ctx.fullCni && !ctx.dpu) objs.push(buildOpenvswitchDaemonSet(ctx));
  objs.push(buildControllerDeployment(ctx), ...buildSriov(ctx), buildLsyncdConfig(ctx), buildLimitRange(ctx), ...buildWebhook(ctx));
  return objs.filter(present);
}

export interface Manifest {
  /** Every object of the `-o` manifest, in order. */
  objects: KubeObject[];
  /** The AciContainersOperator resource, absent where the reference writes none. */
  operatorCr?: KubeObject;
}

/** The manifest's objects: the operator's CRD, then aci-containers.yaml with
 * the operator's configuration inserted before its first ConfigMap, then the
 * operator itself. */
export function buildManifest(config: Config): Manifest {
  const ctx = new Ctx(config);
  const aci = buildAciContainers(ctx);
  if (ctx.overlay) return { objects: aci };
  const manifestBase64 = Buffer.from(renderDocs(aci), 'utf8').toString('base64');
  const firstCm = aci.findIndex((o) => o.kind === 'ConfigMap');
  const operatorConfig = [crd('accprovisioninputs.aci.ctrl'), buildAciOperatorConfig(ctx, manifestBase64), ...buildAccProvisionConfig(ctx)];
  let objects = [...aci.slice(0, firstCm), ...operatorConfig, ...aci.slice(firstCm)];
  if (!ctx.aaepMonitoring) objects = [crd('acicontainersoperators.aci.ctrl'), ...objects, ...buildOperator(ctx)];
  if (ctx.c.cilium_chaining?.enable) objects.push(buildCiliumCniConfig());
  return { objects, operatorCr: ctx.aaepMonitoring ? undefined : buildOperatorCr(ctx, manifestBase64) };
}

export function renderManifest(config: Config): ManifestFiles {
  // Families of issue 16 with outputs of their own (RKE, Calico):
  const family = renderFamilyFiles(flavorFamily(config.flavor), config);
  if (family) return family;
  const { objects, operatorCr } = buildManifest(config);
  const kube = renderDocs(objects);
  // Tar entries are numbered from 04: 01-03 are the OpenShift installer's.
  const ctx = new Ctx(config);
  const tarFiles = ctx.overlay
    ? []
    : [
        ...objects.map((o, i) => ({ name: tarEntryName(i + 4, o), content: renderDoc(o) })),
        ...(manifestFamily(config.flavor).tarExtras?.(ctx) ?? []),
      ];
  return { kube, operatorCr: operatorCr ? renderDoc(operatorCr) : '', tarFiles };
}
