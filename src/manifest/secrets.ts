// The controller's APIC credentials (aci-user-cert) and the APIC's CA (apic-ca-cert).
import type { ISecret } from 'kubernetes-models/v1/Secret';
import { Ctx, pyStr, truthy } from './context.js';
import { toKube, type KubeObject } from './object.js';

const b64 = (s: unknown) => Buffer.from(pyStr(s), 'utf8').toString('base64');

export function buildUserCertSecret(ctx: Ctx): KubeObject | undefined {
  if (ctx.overlay || !truthy(ctx.c.aci_config.sync_login.key_data) || !truthy(ctx.c.aci_config.sync_login.cert_data)) return undefined;
  const s: ISecret = {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: 'aci-user-cert', namespace: ctx.systemNs, labels: ctx.versionLabel() },
    data: { 'user.key': b64(ctx.c.aci_config.sync_login.key_data), 'user.crt': b64(ctx.c.aci_config.sync_login.cert_data) },
  };
  return toKube(s);
}

export function buildApicCaSecret(ctx: Ctx): KubeObject | undefined {
  if (!truthy(ctx.c.aci_config.apic_tls_cert)) return undefined;
  const s: ISecret = {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: 'apic-ca-cert', namespace: ctx.systemNs, labels: ctx.versionLabel() },
    data: { 'root_ca.pem': b64(ctx.c.aci_config.apic_tls_cert_data) },
  };
  return toKube(s);
}
