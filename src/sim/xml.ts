// The APIC's XML form, for clients that speak it (the Cobra SDK does by
// default): an element per object, named by its class, properties as
// attributes, children as child elements; answers wrapped in <imdata>.
import { CODE, SimError } from './errors.js';

type Wire = Record<string, { attributes: Record<string, string>; children?: Wire[] }>;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) =>
    e.startsWith('#x')
      ? String.fromCodePoint(parseInt(e.slice(2), 16))
      : e.startsWith('#')
        ? String.fromCodePoint(Number(e.slice(1)))
        : ENTITIES[e],
  );
}

function encode(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Parses one XML document holding one object into the JSON wire shape. */
export function parseXmlMo(text: string): Wire {
  let i = 0;
  const fail = (why: string): never => {
    throw new SimError(400, CODE.badRequest, `Failed to decode the XML request body: ${why} at position ${i}`);
  };
  const skipMisc = () => {
    for (;;) {
      while (i < text.length && /\s/.test(text[i])) i++;
      if (text.startsWith('<?', i)) {
        const end = text.indexOf('?>', i);
        if (end < 0) fail('unterminated declaration');
        i = end + 2;
      } else if (text.startsWith('<!--', i)) {
        const end = text.indexOf('-->', i);
        if (end < 0) fail('unterminated comment');
        i = end + 3;
      } else return;
    }
  };
  const element = (): Wire => {
    if (text[i] !== '<') fail('expected an element');
    i++;
    const name = /^[A-Za-z_][\w.-]*/.exec(text.slice(i))?.[0] ?? fail('expected an element name');
    i += name.length;
    const attributes: Record<string, string> = {};
    for (;;) {
      while (/\s/.test(text[i] ?? '')) i++;
      if (text.startsWith('/>', i)) {
        i += 2;
        return { [name]: { attributes } };
      }
      if (text[i] === '>') {
        i++;
        break;
      }
      const attr = /^([A-Za-z_][\w.:-]*)\s*=\s*("([^"]*)"|'([^']*)')/.exec(text.slice(i)) ?? fail(`bad attribute in <${name}>`);
      attributes[attr[1]] = decode(attr[3] ?? attr[4] ?? '');
      i += attr[0].length;
    }
    const children: Wire[] = [];
    for (;;) {
      skipMisc();
      if (text.startsWith('</', i)) {
        const close = new RegExp(`^</${name}\\s*>`).exec(text.slice(i)) ?? fail(`expected </${name}>`);
        i += close[0].length;
        return { [name]: children.length > 0 ? { attributes, children } : { attributes } };
      }
      if (i >= text.length) fail(`unterminated <${name}>`);
      if (text[i] !== '<') fail(`text content is not allowed in <${name}>`);
      children.push(element());
    }
  };
  skipMisc();
  const root = element();
  skipMisc();
  if (i !== text.length) fail('trailing content');
  return root;
}

function writeMo(w: Wire, out: string[]): void {
  const [name, body] = Object.entries(w)[0];
  const attrs = Object.entries(body.attributes)
    .map(([k, v]) => ` ${k}="${encode(v)}"`)
    .join('');
  if (!body.children || body.children.length === 0) {
    out.push(`<${name}${attrs}/>`);
    return;
  }
  out.push(`<${name}${attrs}>`);
  for (const c of body.children) writeMo(c, out);
  out.push(`</${name}>`);
}

/** Serializes an answer `{totalCount, imdata, subscriptionId?}` as the APIC's XML. */
export function answerToXml(answer: { totalCount?: string; imdata: unknown[]; subscriptionId?: string }): string {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const sub = answer.subscriptionId ? ` subscriptionId="${encode(answer.subscriptionId)}"` : '';
  out.push(`<imdata totalCount="${encode(answer.totalCount ?? String(answer.imdata.length))}"${sub}>`);
  for (const w of answer.imdata) writeMo(w as Wire, out);
  out.push('</imdata>');
  return out.join('');
}
