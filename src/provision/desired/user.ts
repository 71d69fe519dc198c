// The local user the CNI controller logs in as, and its certificate (the
// controller signs its requests with the matching key).
import { localUserDn } from '../../aci/dns.js';
import type { Config } from '../../config/types.js';
import { REQUEST_LAYOUT } from './layout.js';
import { mo, POST_NODE_SELF, TreeBuilder } from './tree.js';

export function addControllerUser(t: TreeBuilder, config: Config): void {
  const login = config.aci_config.sync_login;
  const userext = t.context(t.context('', 'polUni'), 'aaaUserEp');
  const attrs: Record<string, string> = { name: login.username, accountStatus: 'active' };
  if (login.password !== null && login.password !== undefined) attrs.pwd = String(login.password);
  t.add(
    userext,
    mo('aaaUser', attrs, [mo('aaaUserDomain', { name: 'all' }, [mo('aaaUserRole', { name: 'admin', privType: 'writePriv' })])], {
      owner: 'cluster',
      post: POST_NODE_SELF,
    }),
  );
  if (login.cert_data === null || login.cert_data === undefined) return;
  // Sent as a second request wrapped in the user, as the Python tool does.
  t.add(
    localUserDn(login.username),
    mo('aaaUserCert', { name: `${login.username}.crt`, data: login.cert_data }, [], {
      post: REQUEST_LAYOUT.userCertificate,
    }),
  );
}
