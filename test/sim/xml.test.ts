import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetch } from 'undici';
import type { RunningSim } from '../../src/sim/server.js';
import { answerToXml, parseXmlMo } from '../../src/sim/xml.js';
import { SimError } from '../../src/sim/errors.js';
import { insecure, PASSWORD, simWithClient } from './helpers.js';

let sim: RunningSim;
beforeAll(async () => {
  ({ sim } = await simWithClient());
});
afterAll(async () => {
  await sim.close();
});

async function xml(
  method: string,
  path: string,
  body?: string,
  token?: string,
): Promise<{ status: number; text: string; type: string | null }> {
  const res = await fetch(sim.url + path, { method, body, headers: token ? { cookie: `APIC-cookie=${token}` } : {}, dispatcher: insecure });
  return { status: res.status, text: await res.text(), type: res.headers.get('content-type') };
}

describe('apic-sim XML (the Cobra SDK default)', () => {
  it('parses and writes the APIC XML shape', () => {
    expect(parseXmlMo('<?xml version="1.0"?>\n<fvTenant name="a&amp;b"><!-- c --><fvCtx name=\'v\'/></fvTenant>')).toEqual({
      fvTenant: { attributes: { name: 'a&b' }, children: [{ fvCtx: { attributes: { name: 'v' } } }] },
    });
    expect(answerToXml({ totalCount: '1', imdata: [{ fvTenant: { attributes: { dn: 'uni/tn-"x"' } } }] })).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><imdata totalCount="1"><fvTenant dn="uni/tn-&quot;x&quot;"/></imdata>',
    );
    for (const bad of ['<fvTenant name="a">', '<fvTenant name=a/>', '<a/><b/>', '<a>text</a>'])
      expect(() => parseXmlMo(bad), bad).toThrow(SimError);
  });

  it('logs in, writes and reads over .xml URLs, and answers errors in XML', async () => {
    const login = await xml('POST', '/api/aaaLogin.xml', `<aaaUser name="admin" pwd="${PASSWORD}"/>`);
    expect(login.status).toBe(200);
    expect(login.type).toBe('application/xml');
    const token = /token="([^"]+)"/.exec(login.text)![1];
    const post = await xml(
      'POST',
      '/api/mo/uni/tn-xml.xml',
      '<fvTenant name="xml"><fvBD name="bd"><fvRsCtx tnFvCtxName="default"/></fvBD></fvTenant>',
      token,
    );
    expect(post.status).toBe(200);
    expect(post.text).toContain('<imdata totalCount="0"></imdata>');
    const get = await xml('GET', '/api/mo/uni/tn-xml/BD-bd.xml?rsp-subtree=children&rsp-subtree-class=fvRsCtx', undefined, token);
    expect(get.text).toMatch(
      /^<\?xml[^>]*\?><imdata totalCount="1"><fvBD [^>]*name="bd"[^>]*><fvRsCtx [^>]*state="formed"[^>]*\/><\/fvBD><\/imdata>$/,
    );
    const bad = await xml('POST', '/api/mo/uni/tn-xml.xml', '<fvNope name="xml"/>', token);
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('<error code="122" text="unknown managed object class fvNope"/>');
    expect((await xml('GET', '/api/class/fvTenant.xml')).text).toContain('<error code="403"');
  });
});
