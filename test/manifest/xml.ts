/**
 * A deliberately small namespace-aware XML reader for the manifest tests (no XML package is a declared
 * dependency). It is only meant for documents that xmllint has already accepted as well-formed: no DTDs, no
 * external entities; comments, processing instructions and CDATA are handled.
 */

export interface XmlElement {
  /** Namespace URI ('' when none). */
  ns: string;
  /** Local name, without prefix. */
  local: string;
  /** Attributes by their name as written (e.g. "DefaultValue", "xsi:type"). */
  attrs: Record<string, string>;
  children: XmlElement[];
  /** Concatenated text content of this element (direct text nodes only), trimmed. */
  text: string;
  parent?: XmlElement;
  /** 1-based line of the start tag, for messages. */
  line: number;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decode(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ENTITIES[e] ?? m;
  });
}

const TOKEN = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[([\s\S]*?)\]\]>|<\/([^\s>]+)\s*>|<([^\s/>!?]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)/g;
const ATTR = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

export function parseXml(src: string): XmlElement {
  const root: XmlElement = { ns: '', local: '#document', attrs: {}, children: [], text: '', line: 0 };
  const stack: Array<{ el: XmlElement; nsMap: Record<string, string>; qname: string }> = [
    { el: root, nsMap: { xml: 'http://www.w3.org/XML/1998/namespace' }, qname: '' },
  ];
  let m: RegExpExecArray | null;
  TOKEN.lastIndex = 0;
  while ((m = TOKEN.exec(src))) {
    const top = stack[stack.length - 1];
    const line = src.slice(0, m.index).split('\n').length;
    if (m[1] !== undefined) {
      top.el.text += m[1];
    } else if (m[2] !== undefined) {
      if (m[2] !== top.qname) throw new Error(`line ${line}: </${m[2]}> closes <${top.qname}>`);
      top.el.text = top.el.text.trim();
      stack.pop();
    } else if (m[3] !== undefined) {
      const qname = m[3];
      const attrs: Record<string, string> = {};
      for (const a of (m[4] ?? '').matchAll(ATTR)) attrs[a[1]] = decode(a[2] ?? a[3] ?? '');
      const nsMap = { ...top.nsMap };
      for (const [k, v] of Object.entries(attrs)) {
        if (k === 'xmlns') nsMap[''] = v;
        else if (k.startsWith('xmlns:')) nsMap[k.slice(6)] = v;
      }
      const colon = qname.indexOf(':');
      const prefix = colon >= 0 ? qname.slice(0, colon) : '';
      const ns = nsMap[prefix];
      if (ns === undefined) throw new Error(`line ${line}: undeclared prefix in <${qname}>`);
      const el: XmlElement = { ns, local: colon >= 0 ? qname.slice(colon + 1) : qname, attrs, children: [], text: '', parent: top.el, line };
      top.el.children.push(el);
      if (m[5] !== '/') stack.push({ el, nsMap, qname });
    } else if (m[6] !== undefined) {
      if (stack.length > 1) top.el.text += decode(m[6]);
    }
  }
  if (stack.length !== 1) throw new Error(`unclosed <${stack[stack.length - 1].qname}>`);
  const docEl = root.children[0];
  if (!docEl) throw new Error('no document element');
  return docEl;
}

/** All descendants (depth-first, document order) matching namespace and local name. */
export function descendants(el: XmlElement, ns: string, local: string): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement) => {
    for (const c of e.children) {
      if (c.ns === ns && c.local === local) out.push(c);
      walk(c);
    }
  };
  walk(el);
  return out;
}

/** Direct children matching namespace and local name. */
export function childrenOf(el: XmlElement, ns: string, local: string): XmlElement[] {
  return el.children.filter((c) => c.ns === ns && c.local === local);
}

/** The single direct child, or an error naming what was missing. */
export function childOf(el: XmlElement, ns: string, local: string): XmlElement {
  const found = childrenOf(el, ns, local);
  if (found.length !== 1) throw new Error(`<${el.local}> (line ${el.line}) has ${found.length} <${local}> children, expected 1`);
  return found[0];
}

/** Nearest ancestor with this local name. */
export function ancestor(el: XmlElement, local: string): XmlElement | undefined {
  for (let p = el.parent; p; p = p.parent) if (p.local === local) return p;
  return undefined;
}
